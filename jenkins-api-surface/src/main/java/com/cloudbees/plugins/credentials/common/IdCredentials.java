package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** A credential with an id. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public interface IdCredentials extends Credentials {
    String getId();
}
