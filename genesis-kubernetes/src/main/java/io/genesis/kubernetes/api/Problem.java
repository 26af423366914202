package io.genesis.kubernetes.api;

/**
 * What went wrong with a Kubernetes API request, and what people and the engine should do about
 * it. Each problem writes the advice part of its error message.
 */
public enum Problem {
    /** 403: the identity Genesis runs as lacks an RBAC permission. */
    FORBIDDEN(false) {
        @Override
        String advice(ApiCall call) {
            return "grant the identity Genesis runs as the RBAC rule " + call.rbacRule() + " in a Role bound in"
                    + " namespace '" + call.namespace() + "' (docs/kubernetes.md has a minimal Role)";
        }
    },
    /** 401: the credentials were rejected. */
    UNAUTHORIZED(false) {
        @Override
        String advice(ApiCall call) {
            return "the cluster rejected the credentials: renew the token or kubeconfig credentials Genesis uses";
        }
    },
    /** 404: an object Genesis needs does not exist. */
    NOT_FOUND(false) {
        @Override
        String advice(ApiCall call) {
            return "create " + call.qualifiedResource() + (call.name().isEmpty() ? "" : " '" + call.name() + "'")
                    + " in namespace '" + call.namespace() + "' (or apply the application's manifests), or fix"
                    + " the name and namespace in the target settings";
        }
    },
    /**
     * 404 whose Status names the namespace itself (the API's answer to a create in a namespace that
     * does not exist): nothing in the target can be created until it does.
     */
    NAMESPACE_NOT_FOUND(false) {
        @Override
        String advice(ApiCall call) {
            return "namespace '" + call.namespace() + "' does not exist: create it (kubectl create namespace "
                    + call.namespace() + ") or fix the namespace in the target settings";
        }
    },
    /** 409: somebody else changed the object between our read and our write. */
    CONFLICT(true) {
        @Override
        String advice(ApiCall call) {
            return "the object changed while Genesis was updating it; Genesis re-reads and retries, so this only"
                    + " remains when something keeps changing it: find what else writes to it";
        }
    },
    /** 400 or 422: the API server refused the object as invalid. */
    INVALID(false) {
        @Override
        String advice(ApiCall call) {
            return "the API server refused the change as invalid: check the manifest or settings named above";
        }
    },
    /** 5xx, 429, a timeout or no connection: the API server could not be reached or did not answer. */
    UNAVAILABLE(true) {
        @Override
        String advice(ApiCall call) {
            return "the Kubernetes API is unreachable or failing: check the API address and that the cluster"
                    + " answers; a rollout that had started stops changing the cluster and resumes or rolls back when"
                    + " the API answers again";
        }
    },
    /** Anything else the API answered. */
    OTHER(false) {
        @Override
        String advice(ApiCall call) {
            return "see the API server's message above";
        }
    };

    private final boolean transientProblem;

    Problem(boolean transientProblem) {
        this.transientProblem = transientProblem;
    }

    /** Whether trying the same call later may succeed without anybody changing anything. */
    public boolean isTransient() {
        return transientProblem;
    }

    /** What to do, in one sentence. */
    abstract String advice(ApiCall call);

    /** The problem an HTTP status code means; 0 or less means no answer at all. */
    public static Problem ofStatus(int code) {
        if (code <= 0 || code >= 500 || code == 429 || code == 408) {
            return UNAVAILABLE;
        }
        return switch (code) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 400, 422 -> INVALID;
            default -> OTHER;
        };
    }
}
