package jenkins.model;

/** Something with a name. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface Named {
    String getName();
}
