package jenkins.widgets;

/** A page with side-panel widgets. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its methods are default ones. */
public interface HasWidgets {}
