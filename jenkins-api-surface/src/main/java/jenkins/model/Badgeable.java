package jenkins.model;

/** Something that may show a badge. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its method is a default one. */
public interface Badgeable {}
