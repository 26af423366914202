package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/** The stages of Jenkins' start-up that initializers are ordered by. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public enum InitMilestone implements Milestone {
    STARTED,
    PLUGINS_LISTED,
    PLUGINS_PREPARED,
    PLUGINS_STARTED,
    EXTENSIONS_AUGMENTED,
    SYSTEM_CONFIG_LOADED,
    SYSTEM_CONFIG_ADAPTED,
    JOB_LOADED,
    JOB_CONFIG_ADAPTED,
    COMPLETED;
}
