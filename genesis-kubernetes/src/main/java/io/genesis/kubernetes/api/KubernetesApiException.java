package io.genesis.kubernetes.api;

import java.util.Objects;

/**
 * A Kubernetes API request failed. The message names the request (verb, resource, name,
 * namespace), the server's answer and what to do; {@link #problem()} tells callers how to react.
 */
public class KubernetesApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final int status;
    private final transient ApiCall call;

    public KubernetesApiException(ApiCall call, Problem problem, int status, String serverMessage, Throwable cause) {
        super(message(call, problem, status, serverMessage), cause);
        this.call = Objects.requireNonNull(call, "call");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status the API answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    public ApiCall call() {
        return call;
    }

    private static String message(ApiCall call, Problem problem, int status, String serverMessage) {
        String answer = status > 0 ? "HTTP " + status : "no answer";
        String detail = serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage.strip();
        return "Kubernetes API request failed: " + call.describe() + " (" + answer + detail + "); "
                + problem.advice(call);
    }
}
