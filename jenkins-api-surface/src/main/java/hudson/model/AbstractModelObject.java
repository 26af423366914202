package hudson.model;

import hudson.search.SearchableModelObject;

/** The base of Jenkins' model objects. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class AbstractModelObject implements SearchableModelObject {}
