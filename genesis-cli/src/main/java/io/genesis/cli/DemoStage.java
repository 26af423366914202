package io.genesis.cli;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where the demo's story plays: the target kind, the version that serves users before the story starts,
 * the users' traffic, and what is cleaned up afterwards. The sandbox in this process, or a Docker engine.
 */
interface DemoStage extends AutoCloseable {

    /** The kind the demo's rollouts deploy to. */
    TargetKind kind();

    /** One line for the demo's heading: where it runs. */
    String where();

    /** The target of the rollout of {@code version}; the first call puts {@link Demo#BEFORE} in service. */
    TargetSpec target(DeploymentKey key, Version version, Consumer<String> log);

    /** What the users' traffic saw, for the end of the story. */
    void traffic(PrintWriter out);

    /** Stops the traffic and removes what the demo started. */
    @Override
    void close();
}
