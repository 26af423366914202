package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * The Deployment controller's rolling-update numbers, as pkg/controller/deployment/util/
 * deployment_util.go computes them: maxSurge rounds up, maxUnavailable rounds down, and when both
 * come to zero one pod may be unavailable (ResolveFenceposts); defaults 25 % / 25 %.
 *
 * @param replicas the Deployment's desired replicas
 * @param maxSurge pods allowed above {@code replicas}
 * @param maxUnavailable pods allowed below {@code replicas}
 */
record RollingArithmetic(int replicas, int maxSurge, int maxUnavailable) {

    static RollingArithmetic of(Deployment deployment) {
        int replicas = DeploymentSync.replicas(deployment);
        RollingUpdateDeployment rolling = deployment.getSpec().getStrategy() == null
                ? null
                : deployment.getSpec().getStrategy().getRollingUpdate();
        IntOrString surge = rolling == null ? null : rolling.getMaxSurge();
        IntOrString unavailable = rolling == null ? null : rolling.getMaxUnavailable();
        int maxSurge = resolve(surge, replicas, true);
        int maxUnavailable = resolve(unavailable, replicas, false);
        if (maxSurge == 0 && maxUnavailable == 0) {
            maxUnavailable = 1;
        }
        return new RollingArithmetic(replicas, maxSurge, maxUnavailable);
    }

    /** How many replicas the new ReplicaSet may have now (NewRSNewReplicas). */
    int newReplicaSetReplicas(int allPodsSpec, int newSpec) {
        int maxTotal = replicas + maxSurge;
        if (allPodsSpec >= maxTotal) {
            return newSpec;
        }
        return newSpec + Math.min(maxTotal - allPodsSpec, replicas - newSpec);
    }

    /** The fewest available pods the rollout keeps (MinAvailable). */
    int minAvailable() {
        return replicas - maxUnavailable;
    }

    private static int resolve(IntOrString value, int replicas, boolean roundUp) {
        if (value == null) {
            return resolvePercent(25, replicas, roundUp);
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        if (text.endsWith("%")) {
            return resolvePercent(Integer.parseInt(text.substring(0, text.length() - 1)), replicas, roundUp);
        }
        return Integer.parseInt(text);
    }

    private static int resolvePercent(int percent, int replicas, boolean roundUp) {
        int scaled = percent * replicas;
        return roundUp ? (scaled + 99) / 100 : scaled / 100;
    }
}
