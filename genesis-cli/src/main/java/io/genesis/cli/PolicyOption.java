package io.genesis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --policy}: the trusted policy file, kept outside the checkout. It sets the protections
 * (floors of the gate, approvals, allowed refs, force) and the targets; the checkout's
 * {@code genesis.yaml} may only tighten it. See {@link PolicyFiles}.
 */
final class PolicyOption {

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Trusted policy file outside the checkout (default: $GENESIS_POLICY, else"
                    + " ~/.config/genesis/policy.yaml if present, else the built-in staging and production); the"
                    + " checkout's genesis.yaml may only tighten it.")
    Path file;
}
