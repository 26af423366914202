package io.genesis.core.archviolation;

/**
 * A deliberate violation, kept in test sources only: an engine class that reaches into an adapter
 * package. The architecture test proves the rule catches it.
 */
final class SandboxLeak {
    Object leak() {
        return io.genesis.sandbox.archfixture.AdapterType.class;
    }
}
