package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.time.Durations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rollout's record as a Pipeline script reads it, and how each ending ends the step. Only
 * strings and numbers go into the map: the script's program is saved with it.
 */
final class RolloutResult {

    private RolloutResult() {}

    /**
     * {@code rolloutId}, {@code status}, {@code version}, {@code application}, {@code environment},
     * {@code strategy}, {@code reason}, {@code startedAt}, {@code endedAt}, and, after a rollback,
     * {@code timeToRestore} (such as {@code 1.2 s}) with {@code timeToRestoreMillis}.
     */
    static Map<String, Object> scriptValue(DeploymentRecord record) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("rolloutId", record.id());
        value.put("status", record.status().name());
        value.put("version", record.version());
        value.put("application", record.application());
        value.put("environment", record.environment());
        value.put("strategy", record.strategy());
        value.put("reason", record.reason());
        value.put("startedAt", record.startedAt().toString());
        value.put("endedAt", record.endedAt().toString());
        record.restoreTime().ifPresent(restore -> {
            value.put("timeToRestore", Durations.format(restore));
            value.put("timeToRestoreMillis", restore.toMillis());
        });
        return value;
    }

    /** A deploy step: returns on success, fails on a rollback or failure, aborts when the rollout was aborted. */
    static void endDeploy(DeploymentRecord record, StepSink sink) {
        sink.recorded(record);
        String reason = record.application() + " " + record.version() + " to " + record.environment() + " "
                + record.status() + ": " + record.reason();
        switch (record.status()) {
            case SUCCEEDED -> sink.succeeded(scriptValue(record));
            case ROLLED_BACK, FAILED -> sink.failed(reason);
            case ABORTED -> sink.aborted(reason);
        }
    }

    /** A rollback step: returns once traffic is back (or the rollout was cancelled), fails when the rollback failed. */
    static void endRollback(DeploymentRecord record, StepSink sink) {
        sink.recorded(record);
        if (record.status() == RecordStatus.ROLLED_BACK || record.status() == RecordStatus.ABORTED) {
            sink.succeeded(scriptValue(record));
        } else {
            sink.failed("rollback of " + record.application() + " " + record.version() + " in " + record.environment()
                    + " " + record.status() + ": " + record.reason());
        }
    }
}
