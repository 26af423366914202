package hudson.model;

import hudson.ExtensionPoint;

/**
 * An item that may sit directly in Jenkins or in a folder, such as a job or a folder. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}. Here as the bound of a folder's items; no member is declared.
 */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {}
