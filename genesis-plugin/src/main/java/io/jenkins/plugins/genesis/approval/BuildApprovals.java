package io.jenkins.plugins.genesis.approval;

import hudson.model.Run;
import java.util.List;
import java.util.Optional;

/** The approval actions of one build: what {@link JenkinsApprover} needs of a {@link Run}. */
interface BuildApprovals {

    List<ApprovalAction> approvals();

    /** Adds {@code action} to the build. */
    void add(ApprovalAction action);

    /** Writes the build (with its actions) to disk. */
    void save();

    /** The address of {@code action}'s page: absolute when Jenkins' root URL is configured, else from the root. */
    String urlOf(ApprovalAction action);

    /** The build itself, for the adapters that look up its running steps. */
    Run<?, ?> run();

    default Optional<ApprovalAction> find(String requestId) {
        return approvals().stream()
                .filter(a -> a.getRequestId().equals(requestId))
                .findFirst();
    }
}
