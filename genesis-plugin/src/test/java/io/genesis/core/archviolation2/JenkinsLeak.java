package io.genesis.core.archviolation2;

/**
 * A deliberate violation, kept in the plugin's test sources only: an engine-side class that uses a
 * Jenkins type. The plugin's architecture test proves the rule catches it.
 */
final class JenkinsLeak {
    Object leak() {
        return jenkins.model.GlobalConfiguration.class;
    }
}
