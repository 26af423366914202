package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Run;
import org.jenkins.ui.icon.IconSpec;

/** The stores credentials come from, and the lookups across them. Mirrors {@code org.jenkins-ci.plugins:credentials}, tag 1502.v5c95e620ddfe (bom-2.541.x). */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {

    public CredentialsProvider() {
        throw new UnsupportedOperationException();
    }

    /**
     * The credential {@code id} of {@code type} that {@code run} may use: looked up in the context of
     * its job (folders included) with the build's authentication; {@code null} when there is none.
     */
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    /** Records that {@code build} used {@code credentials} (the credential's usage page lists it). */
    @SuppressWarnings("rawtypes") // as the real signature
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException();
    }
}
