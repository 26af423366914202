package io.genesis.kubernetes.api;

import java.util.Objects;

/**
 * One request Genesis makes to the Kubernetes API, described the way RBAC sees it: a verb on a
 * resource of an API group, in a namespace, optionally on one named object. Error messages and the
 * RBAC rule they suggest are built from it.
 *
 * @param verb the RBAC verb: {@code get}, {@code list}, {@code watch}, {@code create}, {@code update},
 *     {@code patch} or {@code delete}
 * @param apiGroup the API group, empty for the core group
 * @param resource the plural resource name, such as {@code deployments}
 * @param namespace the namespace
 * @param name the object's name, or empty for collection requests
 */
public record ApiCall(String verb, String apiGroup, String resource, String namespace, String name) {

    public ApiCall {
        requireText("verb", verb);
        Objects.requireNonNull(apiGroup, "apiGroup");
        requireText("resource", resource);
        requireText("namespace", namespace);
        name = name == null ? "" : name;
    }

    public static ApiCall of(String verb, Kind kind, String namespace, String name) {
        return new ApiCall(verb, kind.apiGroup(), kind.resource(), namespace, name);
    }

    /** {@code deployments.apps}: the resource as {@code kubectl} and RBAC error messages name it. */
    public String qualifiedResource() {
        return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
    }

    /** {@code patch deployments.apps 'shop-blue' in namespace 'prod'}. */
    public String describe() {
        return verb + " " + qualifiedResource() + (name.isEmpty() ? "" : " '" + name + "'") + " in namespace '"
                + namespace + "'";
    }

    /** The Role rule that allows this call, in the YAML flow style of a Role's {@code rules} list. */
    public String rbacRule() {
        return "{apiGroups: [\"" + apiGroup + "\"], resources: [\"" + resource + "\"], verbs: [\"" + verb + "\"]}";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " of an API call must not be blank");
        }
    }

    /** The kinds of object Genesis touches, with their API group and plural resource name. */
    public enum Kind {
        DEPLOYMENT("apps", "deployments"),
        REPLICA_SET("apps", "replicasets"),
        SERVICE("", "services"),
        POD("", "pods"),
        LEASE("coordination.k8s.io", "leases"),
        EVENT("", "events"),
        HTTP_ROUTE("gateway.networking.k8s.io", "httproutes"),
        ENDPOINT_SLICE("discovery.k8s.io", "endpointslices"),
        CONFIG_MAP("", "configmaps");

        private final String apiGroup;
        private final String resource;

        Kind(String apiGroup, String resource) {
            this.apiGroup = apiGroup;
            this.resource = resource;
        }

        public String apiGroup() {
            return apiGroup;
        }

        public String resource() {
            return resource;
        }
    }
}
