package io.genesis.kubernetes.api;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.ResourceNotFoundException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs fabric8 calls and turns their failures into {@link KubernetesApiException}s with messages
 * people can act on. Every request Genesis makes goes through here.
 */
public final class Api {

    /** How often a read-modify-write is tried when the object keeps changing underneath it. */
    public static final int CONFLICT_ATTEMPTS = 5;

    private Api() {}

    /** Runs {@code request}, translating its failure. */
    public static <T> T call(ApiCall call, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw translate(call, e);
        } catch (ResourceNotFoundException e) {
            throw new KubernetesApiException(call, Problem.NOT_FOUND, 404, "", e);
        }
    }

    /** Runs {@code request}, answering empty when the object does not exist. */
    public static <T> Optional<T> find(ApiCall call, Supplier<T> request) {
        try {
            return Optional.ofNullable(call(call, request));
        } catch (KubernetesApiException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Runs a read-modify-write: on a 409 conflict it runs {@code attempt} again, which must re-read
     * the object, up to {@link #CONFLICT_ATTEMPTS} times.
     */
    public static <T> T retryOnConflict(ApiCall call, Supplier<T> attempt) {
        KubernetesApiException last = null;
        for (int i = 0; i < CONFLICT_ATTEMPTS; i++) {
            try {
                return call(call, attempt);
            } catch (KubernetesApiException e) {
                if (e.problem() != Problem.CONFLICT) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** The {@link KubernetesApiException} that {@code failure} means for {@code call}. */
    public static KubernetesApiException translate(ApiCall call, KubernetesClientException failure) {
        if (failure instanceof KubernetesClientTimeoutException) {
            return new KubernetesApiException(call, Problem.UNAVAILABLE, 0, failure.getMessage(), failure);
        }
        KubernetesClientException answered = answered(failure);
        int code = answered == null ? 0 : answered.getCode();
        String serverMessage = answered == null ? rootMessage(failure) : serverMessage(answered);
        Problem problem =
                code == 404 && namesNamespace(answered, call) ? Problem.NAMESPACE_NOT_FOUND : Problem.ofStatus(code);
        return new KubernetesApiException(call, problem, code, serverMessage, failure);
    }

    /** The innermost exception carrying an HTTP status, if the API answered at all. */
    private static KubernetesClientException answered(Throwable failure) {
        KubernetesClientException found = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                found = k;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return found;
    }

    /** Whether a 404's Status is about the call's namespace rather than the object (details kind "namespaces"). */
    private static boolean namesNamespace(KubernetesClientException answered, ApiCall call) {
        Status status = answered.getStatus();
        if (status == null || call.namespace().isEmpty()) {
            return false;
        }
        if (status.getDetails() != null
                && "namespaces".equals(status.getDetails().getKind())
                && call.namespace().equals(status.getDetails().getName())) {
            return true;
        }
        return ("namespaces \"" + call.namespace() + "\" not found").equals(status.getMessage());
    }

    private static String serverMessage(KubernetesClientException answered) {
        Status status = answered.getStatus();
        if (status != null
                && status.getMessage() != null
                && !status.getMessage().isBlank()) {
            return status.getMessage();
        }
        return "";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return withoutClassName(root);
    }

    /** What went wrong, in words: people read this, and a Java class name tells them little. */
    static String withoutClassName(Throwable root) {
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (root instanceof java.net.SocketTimeoutException
                || root instanceof java.io.InterruptedIOException
                || "Canceled".equals(message)) {
            return "no answer within the request timeout";
        }
        if (root instanceof java.net.ConnectException) {
            return "connection refused" + (message.isBlank() ? "" : " (" + message + ")");
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host " + message;
        }
        if (root instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + message;
        }
        return message.isBlank() ? "the connection failed" : message;
    }
}
