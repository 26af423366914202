package io.genesis.sandbox.slot;

/** How a slot's application runs. */
public enum SlotKind {
    /** A sample service on Jetty inside this JVM: fastest to start, faults can be changed while it runs. */
    IN_PROCESS,
    /** A child process started from a command template: the real thing, with its own JVM or runtime. */
    CHILD_PROCESS
}
