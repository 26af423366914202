package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Where a credential may be used. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
