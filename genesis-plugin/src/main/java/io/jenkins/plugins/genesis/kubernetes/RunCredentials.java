package io.jenkins.plugins.genesis.kubernetes;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials one build may use, looked up in its context (its job's folders, the build's
 * authentication) each time, and tracked as used by it. Nothing is kept: the secret goes straight
 * into the client being built.
 */
final class RunCredentials implements CredentialLookup {

    private final String run;

    /** @param run the build's externalizable id, as the target's spec stores it */
    RunCredentials(String run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    @Override
    public ClusterSecret find(String credentialsId) {
        Run<?, ?> build = build(credentialsId);
        FileCredentials file = CredentialsProvider.findCredentialById(credentialsId, FileCredentials.class, build);
        if (file != null) {
            CredentialsProvider.track(build, file);
            try (InputStream content = file.getContent()) {
                return new ClusterSecret.Kubeconfig(
                        credentialsId, new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException(CredentialProblems.unreadable(credentialsId, e));
            }
        }
        StringCredentials text = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, build);
        if (text != null) {
            CredentialsProvider.track(build, text);
            return new ClusterSecret.Token(credentialsId, text.getSecret().getPlainText());
        }
        StandardCredentials other =
                CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, build);
        throw new IllegalArgumentException(
                other == null
                        ? CredentialProblems.missing(credentialsId, run)
                        : CredentialProblems.wrongKind(
                                credentialsId, other.getClass().getSimpleName()));
    }

    /**
     * The build, found as the system: the engine's thread runs as nobody, and the lookup of the
     * credential itself then uses the build's own authentication.
     */
    private Run<?, ?> build(String credentialsId) {
        return JenkinsFacade.build(run)
                .orElseThrow(() -> new IllegalArgumentException(CredentialProblems.noBuild(credentialsId, run)));
    }
}
