package io.genesis.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle hook as it ran in a rollout.
 *
 * @param phase when it ran: {@code beforeDeploy}, {@code preTraffic}, {@code afterPromotion} or {@code onRollback}
 * @param hook what it was (a command or a webhook address), secrets masked
 * @param startedAt when it was started
 * @param endedAt when it ended, or {@code null} while it runs
 * @param outcome {@code passed}, {@code failed}, {@code timed out}, or {@code running}
 * @param exitCode the command's exit code or the webhook's last HTTP status, or {@code null}
 * @param reading the gate's reading of the JUnit reports it wrote, or empty when it wrote none to judge
 * @param detail why it ended that way
 * @param output the last part of its output, bounded, secrets masked
 */
public record HookRecord(
        String phase,
        String hook,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        Integer exitCode,
        String reading,
        String detail,
        String output) {

    /** The outcome of a hook that has not ended. */
    public static final String RUNNING = "running";

    public HookRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(startedAt, "startedAt");
        outcome = outcome == null ? RUNNING : outcome;
        reading = reading == null ? "" : reading;
        detail = detail == null ? "" : detail;
        output = output == null ? "" : output;
    }

    /** A hook just started. */
    public static HookRecord started(String phase, String hook, Instant at) {
        return new HookRecord(phase, hook, at, null, RUNNING, null, "", "", "");
    }

    /** Whether it has ended. */
    public boolean ended() {
        return endedAt != null;
    }

    /** How long it ran, once it has ended. */
    public Duration duration() {
        return endedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt);
    }

    /** This hook ended at {@code at}. */
    public HookRecord end(Instant at, String how, Integer exit, String gateReading, String why, String tail) {
        return new HookRecord(phase, hook, startedAt, at, how, exit, gateReading, why, tail);
    }
}
