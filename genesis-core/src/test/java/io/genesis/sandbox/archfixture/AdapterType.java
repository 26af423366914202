package io.genesis.sandbox.archfixture;

/** Stands for an adapter class in the architecture rule's proof; test sources only. */
public final class AdapterType {
    private AdapterType() {}
}
