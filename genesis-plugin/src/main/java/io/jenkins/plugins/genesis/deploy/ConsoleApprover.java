package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Approver;
import java.util.function.BiConsumer;

/**
 * The approver until the approval page is wired in: it tells the waiting build's console that
 * approval is awaited and who may give it. The engine keeps the request; the answer reaches it
 * through {@link DeployEngine#decide}.
 */
final class ConsoleApprover implements Approver {

    private final BiConsumer<String, String> say;

    /** @param say writes a line to the console of the build waiting for a rollout (rollout id, line) */
    ConsoleApprover(BiConsumer<String, String> say) {
        this.say = say;
    }

    @Override
    public void request(ApprovalRequest request) {
        say.accept(
                request.rolloutId(),
                Messages.AWAITING_APPROVAL.format(
                        request.rolloutId(), request.question(), request.describeApprovers()));
    }
}
