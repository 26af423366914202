package io.genesis.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.Set;

/**
 * Which objects live outside any namespace. A manifest folder deploys one application into one
 * namespace; a cluster-scoped object (a ClusterRoleBinding to cluster-admin, a webhook that sees every
 * request, a CustomResourceDefinition) reaches every namespace, so a folder may hold one only where the
 * target allows it.
 */
final class ClusterScope {

    /**
     * Cluster-scoped kinds of Kubernetes itself and of widespread add-ons, for objects fabric8 has no
     * class for (their class would say whether it is namespaced).
     */
    static final Set<String> KINDS = Set.of(
            "APIService",
            "CertificateSigningRequest",
            "ClusterIssuer",
            "ClusterRole",
            "ClusterRoleBinding",
            "ComponentStatus",
            "CSIDriver",
            "CSINode",
            "CustomResourceDefinition",
            "FlowSchema",
            "IngressClass",
            "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding",
            "MutatingWebhookConfiguration",
            "Namespace",
            "Node",
            "PersistentVolume",
            "PodSecurityPolicy",
            "PriorityClass",
            "PriorityLevelConfiguration",
            "RuntimeClass",
            "StorageClass",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "ValidatingWebhookConfiguration",
            "VolumeAttachment");

    private ClusterScope() {}

    static boolean isClusterScoped(HasMetadata object) {
        if (KINDS.contains(object.getKind())) {
            return true;
        }
        // fabric8 marks every namespaced kind it knows; a known kind without the mark is cluster-scoped.
        return !(object instanceof GenericKubernetesResource) && !(object instanceof Namespaced);
    }
}
