package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.rollout.RolloutRequest;
import java.util.List;

/**
 * Deploys through a {@link RolloutHost} as {@code genesisDeploy} does, for tests of other packages
 * (the post-deploy watch): the step's waiting side reduced to a list of what it heard.
 */
public final class HostDeploys {

    private HostDeploys() {}

    /**
     * Submits {@code request} as the step with {@code idempotencyKey} would; {@code ended} receives
     * the record when the rollout has ended, {@code lines} what the step's console would show.
     *
     * @return the rollout's id
     */
    public static String deploy(
            RolloutHost host,
            String idempotencyKey,
            RolloutRequest request,
            List<DeploymentRecord> ended,
            List<String> lines) {
        return host.deploy(idempotencyKey, request, new RolloutWatcher() {
            @Override
            public void say(String line) {
                lines.add(line);
            }

            @Override
            public void ended(DeploymentRecord record) {
                ended.add(record);
            }

            @Override
            public void refused(String reason) {
                lines.add("refused: " + reason);
            }
        });
    }
}
