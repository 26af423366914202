package io.genesis.core.history.dora;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deployment records as the engine writes them, for the DORA tests: phases, rollback times, build date, commit time. */
final class DoraRecords {

    private final String id;
    private final String environment;
    private Instant started;
    private Instant built;
    private Instant committed;
    private Instant promoted;
    private Instant ended;
    private RecordStatus status = RecordStatus.SUCCEEDED;
    private Instant triggered;
    private Instant restored;
    private String reason = "completed";
    private String application = "shop";

    private DoraRecords(String id, String environment) {
        this.id = id;
        this.environment = environment;
    }

    static DoraRecords rollout(String id, String environment) {
        return new DoraRecords(id, environment);
    }

    DoraRecords application(String name) {
        this.application = name;
        return this;
    }

    DoraRecords built(Instant at) {
        this.built = at;
        return this;
    }

    DoraRecords committed(Instant at) {
        this.committed = at;
        return this;
    }

    /** Started ten minutes before, promoted and ended at {@code at}. */
    DoraRecords promoted(Instant at) {
        this.started = at.minus(Duration.ofMinutes(10));
        this.promoted = at;
        this.ended = at;
        return this;
    }

    /** Ended at {@code at} with {@code how}, without reaching its promote step. */
    DoraRecords ended(Instant at, RecordStatus how, String why) {
        this.started = at.minus(Duration.ofMinutes(10));
        this.ended = at;
        this.status = how;
        this.reason = why;
        return this;
    }

    /** Rolled back: triggered at {@code trigger}, traffic back at {@code back} (or never, when null). */
    DoraRecords rolledBack(Instant trigger, Instant back) {
        this.status = RecordStatus.ROLLED_BACK;
        this.triggered = trigger;
        this.restored = back;
        this.ended = back == null ? trigger : back;
        this.reason = "automatic rollback: error rate 20.00 % > 5.00 %";
        return this;
    }

    DeploymentRecord record() {
        List<PhaseRecord> phases = new ArrayList<>();
        phases.add(new PhaseRecord(1, "deploy", "deploy candidate", started, started.plusSeconds(60), "completed", ""));
        if (promoted != null) {
            phases.add(new PhaseRecord(
                    2, "promote", "promote candidate", promoted.minusSeconds(5), promoted, "completed", ""));
        }
        if (triggered != null) {
            phases.add(new PhaseRecord(0, "rollback", "roll back", triggered, restored, "completed", ""));
        }
        return new DeploymentRecord(
                id,
                application,
                environment,
                "1.0." + id.length(),
                "0123456789abcdef" + id,
                "tag v1.0.0",
                "shop/main#" + id.length(),
                "rolling",
                "alice",
                "sandbox",
                started,
                ended,
                status,
                reason,
                phases,
                List.of(),
                List.of(),
                List.of(),
                triggered,
                restored,
                triggered == null || restored == null ? null : Duration.between(triggered, restored),
                "alice",
                List.of(),
                built,
                committed);
    }
}
