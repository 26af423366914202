package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deployment actions and what they show, for tests outside this package. */
public final class DeploymentActionFixture {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private DeploymentActionFixture() {}

    /** A canary rolled back on its error rate after alice approved it. */
    public static DeploymentRecord rolledBackCanary() {
        return new DeploymentRecord(
                "j-0123456789abcdef01234567",
                "shop",
                "production",
                "2.0.0",
                "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
                "branch main",
                "shop/main#7",
                "canary",
                "bob",
                "sandbox",
                T0,
                T0.plusSeconds(95),
                RecordStatus.ROLLED_BACK,
                "error rate 31.00 % > 5.00 % critical",
                List.of(
                        new PhaseRecord(1, "awaitApproval", "await approval", T0, T0.plusSeconds(30), "completed", ""),
                        new PhaseRecord(
                                2,
                                "setWeight",
                                "set weight 20.00 %",
                                T0.plusSeconds(31),
                                T0.plusSeconds(32),
                                "completed",
                                ""),
                        new PhaseRecord(3, "analysis", "analyse 1m", T0.plusSeconds(32), null, "interrupted", "")),
                List.of(new ApprovalRecord("alice", T0.plusSeconds(30), true, "looks good", "alice")),
                List.of(new AnalysisRecord(
                        3,
                        T0.plusSeconds(32),
                        T0.plusSeconds(92),
                        2,
                        0,
                        0,
                        0,
                        2,
                        Map.of("ERROR_RATE", 31.0),
                        "rolled back",
                        "error rate 31.00 % > 5.00 % critical",
                        List.of())),
                List.of("canary tuned for this rollout"),
                T0.plusSeconds(92),
                T0.plusSeconds(93),
                Duration.ofSeconds(1),
                "bob",
                null,
                null,
                null);
    }

    /** The action the build page shows for {@code record}. */
    public static Object action(DeploymentRecord record) {
        return new DeploymentAction(record);
    }

    /** Everything the build page and the remote API show of {@code action}, as one line. */
    public static String shown(Object action) {
        DeploymentAction shown = (DeploymentAction) action;
        return String.join(
                " / ",
                shown.getRolloutId(),
                shown.getApplication(),
                shown.getEnvironment(),
                shown.getVersion(),
                shown.getStrategy(),
                shown.getStatus(),
                shown.getReason(),
                shown.getInitiator(),
                String.valueOf(shown.getStartedAt()),
                String.valueOf(shown.getEndedAt()),
                shown.getTimeToRestore(),
                String.valueOf(shown.getTimeToRestoreMillis()),
                String.valueOf(shown.isRolledBack()),
                String.join(",", shown.getWeights()),
                String.join(",", shown.getNotes()),
                shown.getPhases().stream()
                        .map(p -> p.getStep() + ":" + p.getKind() + ":" + p.getDescription() + ":" + p.getStartedAt()
                                + ":" + p.getEndedAt() + ":" + p.getOutcome() + ":" + p.getDuration())
                        .toList()
                        .toString(),
                shown.getAnalyses().stream()
                        .map(a -> a.getStep() + ":" + a.getOutcome() + ":" + a.getSamples() + ":" + a.getCritical()
                                + ":" + a.getWorst())
                        .toList()
                        .toString(),
                shown.getApprovals().stream()
                        .map(a -> a.getBy() + ":" + a.getAccount() + ":" + a.getAt() + ":" + a.isApproved() + ":"
                                + a.getComment())
                        .toList()
                        .toString());
    }

    /** The cause Pipeline keeps when a rollout was aborted. */
    public static RolloutAborted aborted(String reason) {
        return new RolloutAborted(reason);
    }
}
