package jenkins.util.io;

/** Marker for objects that only live on the controller. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface OnMaster {}
