package hudson.model;

/** An action shown as a badge next to a build. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface BuildBadgeAction extends Action {}
