package hudson.model;

/** An object with a name people read. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface ModelObject {
    String getDisplayName();
}
