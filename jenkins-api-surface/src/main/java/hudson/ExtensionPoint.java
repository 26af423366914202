package hudson;

/** Marker for types that plugins may implement as extensions. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface ExtensionPoint {}
