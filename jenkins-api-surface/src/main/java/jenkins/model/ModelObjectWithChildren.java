package jenkins.model;

import hudson.model.ModelObject;

/** A model object whose children have context menus. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its methods are default ones. */
public interface ModelObjectWithChildren extends ModelObject {}
