package io.genesis.core.target;

/** Opens the target a stored rollout names, so that a restarted engine can carry on. */
@FunctionalInterface
public interface TargetFactory {

    /** The target {@code spec} describes; an unknown kind fails with the known ones. */
    DeploymentTarget open(DeploymentKey key, TargetSpec spec);
}
