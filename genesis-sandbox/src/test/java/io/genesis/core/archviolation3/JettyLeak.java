package io.genesis.core.archviolation3;

/**
 * A deliberate violation, kept in test sources only: an engine-package class that uses a Jetty type. The
 * sandbox's architecture test proves the engine rule catches it.
 */
final class JettyLeak {
    Object leak() {
        return org.eclipse.jetty.server.Server.class;
    }
}
