package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** A secret text. Mirrors {@code org.jenkins-ci.plugins:plain-credentials}, tag 199.v9f8e1f741799 (bom-2.541.x). */
public interface StringCredentials extends StandardCredentials {

    Secret getSecret();
}
