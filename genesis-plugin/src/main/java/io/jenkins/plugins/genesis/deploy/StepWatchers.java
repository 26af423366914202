package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;

/**
 * The two ways a step waits for a rollout: a deploy step until it has ended, a rollback step until
 * it has been rolled back (a rollout that had succeeded has a record already, which is not yet the
 * end the rollback step waits for). Each forwards the engine's lines to the console.
 */
final class StepWatchers {

    /** How each console line starts, so that Genesis' lines stand out among a build's. */
    static final String PREFIX = "[genesis] ";

    private StepWatchers() {}

    static RolloutWatcher deploy(StepSink sink) {
        return new RolloutWatcher() {
            @Override
            public void say(String line) {
                sink.say(PREFIX + line);
            }

            @Override
            public void ended(DeploymentRecord record) {
                RolloutResult.endDeploy(record, sink);
            }

            @Override
            public void refused(String reason) {
                sink.failed(reason);
            }
        };
    }

    static RolloutWatcher rollback(StepSink sink) {
        return new RolloutWatcher() {
            @Override
            public void say(String line) {
                sink.say(PREFIX + line);
            }

            @Override
            public boolean endsWith(DeploymentRecord record) {
                return record.status() != RecordStatus.SUCCEEDED;
            }

            @Override
            public void ended(DeploymentRecord record) {
                RolloutResult.endRollback(record, sink);
            }

            @Override
            public void refused(String reason) {
                sink.failed(reason);
            }
        };
    }
}
