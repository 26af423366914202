package io.genesis.sandbox.target;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.RollingUpdater;
import java.util.Objects;

/**
 * Rolling updates, approximated: a sandbox runs each version as one slot, not as a set of instances, so
 * "{@code share} of the instances run the candidate" becomes "the candidate's slot gets {@code share} of
 * the traffic". The first batch starts the candidate's slot; each batch moves weight from the stable slot
 * to it; promote then stops the old slot, as the last batch would have replaced its last instance. The
 * bounds (surge, unavailable) only size the batches, which the plan already did: with one slot per version
 * nothing is ever unavailable and the surge is always that one extra slot.
 */
public final class SandboxRollingUpdater implements RollingUpdater {

    private final SlotLedger ledger;

    SandboxRollingUpdater(SlotLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public void rollTo(DeploymentContext context, Percentage share, RollingBounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        ledger.rollTo(context, WholePercent.of(share));
    }
}
