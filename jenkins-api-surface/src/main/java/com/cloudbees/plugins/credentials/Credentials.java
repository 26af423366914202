package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** A credential in a Jenkins credentials store. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {

    CredentialsScope getScope();

    @Override
    CredentialsDescriptor getDescriptor();
}
