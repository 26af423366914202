package com.cloudbees.plugins.credentials.common;

/** A credential with an id and a description. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
