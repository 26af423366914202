package io.genesis.sandbox.target;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.TrafficRouter;
import java.util.Objects;

/**
 * Splits traffic between the stable slot and the candidate's slot through the sandbox's weighted proxy,
 * and verifies a weight by reading back the routing table in force. The proxy swaps its table atomically,
 * so a weight is in force for the very next request. Weights are whole percentages: the engine's are
 * rounded (see {@code WholePercent}), and verified as rounded.
 */
public final class SandboxRouter implements TrafficRouter {

    private final SlotLedger ledger;

    SandboxRouter(SlotLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public void setWeight(DeploymentContext context, Percentage weight) {
        ledger.route(context, WholePercent.of(weight));
    }

    @Override
    public boolean verifyWeight(DeploymentContext context, Percentage weight) {
        return ledger.routes(context, WholePercent.of(weight));
    }
}
