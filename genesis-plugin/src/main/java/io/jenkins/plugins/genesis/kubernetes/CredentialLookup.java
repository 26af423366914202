package io.jenkins.plugins.genesis.kubernetes;

/** Finds a cluster credential by id, in the context of the build that asked for the rollout, on each use. */
@FunctionalInterface
interface CredentialLookup {

    /**
     * The secret of credential {@code credentialsId}.
     *
     * @throws IllegalArgumentException naming the id and the fix when there is none, or it is of another kind
     */
    ClusterSecret find(String credentialsId);
}
