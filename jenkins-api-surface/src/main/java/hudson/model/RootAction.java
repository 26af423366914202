package hudson.model;

import hudson.ExtensionPoint;

/** An action attached to the Jenkins root. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface RootAction extends Action, ExtensionPoint {}
