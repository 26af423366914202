package jenkins.model;

import hudson.model.ModelObject;

/** A model object with a context menu. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its methods are default ones. */
public interface ModelObjectWithContextMenu extends ModelObject {}
