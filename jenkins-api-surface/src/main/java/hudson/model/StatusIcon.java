package hudson.model;

/** An icon that shows a status. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface StatusIcon {
    String getImageOf(String size);

    String getDescription();
}
