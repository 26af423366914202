package io.jenkins.plugins.genesis.deploy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Run;
import io.genesis.core.notify.Notification;
import io.genesis.core.notify.SecretRef;
import io.genesis.core.notify.SecretResolver;
import io.genesis.core.notify.SecretUnavailableException;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The secrets of notification targets in Jenkins: Secret Text credentials, looked up by id each time
 * a notification is sent, in the context of the build that started the rollout (its job's folders,
 * its authentication), and tracked as used by it. Nothing is kept.
 */
final class NotificationSecrets implements SecretResolver {

    @Override
    public String resolve(SecretRef ref) {
        throw new SecretUnavailableException(ref + " can only be looked up for the build of a rollout");
    }

    @Override
    public String resolve(SecretRef ref, Notification about) {
        if (ref.source() != SecretRef.Source.CREDENTIALS) {
            throw new SecretUnavailableException(ref + " is not a credential; fix: in Jenkins, name a Secret Text"
                    + " credential with credentialsId");
        }
        Optional<Run<?, ?>> build = about.rollout().isEmpty() ? Optional.empty() : DeployEngine.runOf(about.rollout());
        if (build.isEmpty()) {
            throw new SecretUnavailableException(ref + " could not be looked up: the build that started rollout "
                    + (about.rollout().isEmpty() ? "(none)" : about.rollout())
                    + " is gone; fix: keep the build, or send this environment's notifications from genesis serve");
        }
        StringCredentials text =
                CredentialsProvider.findCredentialById(ref.name(), StringCredentials.class, build.get());
        if (text == null) {
            throw new SecretUnavailableException(ref + " is not a Secret Text credential the build of rollout "
                    + about.rollout() + " may use; fix: add it as Secret Text where that job can see it");
        }
        CredentialsProvider.track(build.get(), text);
        return text.getSecret().getPlainText();
    }
}
