package jenkins.model;

/** Something with a name unique in Jenkins. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface FullyNamed {
    String getFullName();
}
