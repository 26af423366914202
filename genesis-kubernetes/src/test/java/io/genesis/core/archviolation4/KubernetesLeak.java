package io.genesis.core.archviolation4;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A deliberate violation, kept in test sources only: an engine-package class that uses a fabric8
 * type. The Kubernetes architecture test proves the engine rule catches it.
 */
final class KubernetesLeak {
    Deployment leak() {
        return new Deployment();
    }
}
