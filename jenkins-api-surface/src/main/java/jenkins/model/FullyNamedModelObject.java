package jenkins.model;

import hudson.model.ModelObject;

/** A model object with a display name unique in Jenkins. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface FullyNamedModelObject extends ModelObject {
    String getFullDisplayName();
}
