package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/** The stages of Jenkins' shutdown that terminators are ordered by. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public enum TermMilestone implements Milestone {
    STARTED,
    COMPLETED;
}
