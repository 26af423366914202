package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;
import org.jenkins.ui.icon.IconSpec;

/** The descriptor of a kind of credential. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> implements IconSpec {

    protected CredentialsDescriptor() {
        throw new UnsupportedOperationException();
    }
}
