package io.jenkins.plugins.genesis.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.TargetTrust;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.connect.KubernetesClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Opens a stored Kubernetes target in the controller: the environment's trusted target and the
 * Jenkinsfile's settings merged by the engine's {@link TargetTrust} rule, the credential looked up
 * for the build that asked (each time a target is opened: a rollout's start, its resumption after a
 * restart, a rollback), the client built, and the Kubernetes module's factory doing the rest.
 */
final class KubernetesTargets {

    static final String TRUSTED = "the global configuration";
    static final String REQUESTED = "the Jenkinsfile's kubernetes(...) target";

    private final TrustedTargets trusted;
    private final Function<String, CredentialLookup> credentialsOfRun;
    private final CloudClients clouds;
    private final KubernetesConnector connector;
    private final EventSink events;

    /**
     * @param trusted the environments' trusted targets
     * @param credentialsOfRun the credentials a build (by its externalizable id) may use
     * @param clouds the clients of Kubernetes plugin clouds
     * @param connector how a credential becomes a client
     * @param events where the target's progress lines go
     */
    KubernetesTargets(
            TrustedTargets trusted,
            Function<String, CredentialLookup> credentialsOfRun,
            CloudClients clouds,
            KubernetesConnector connector,
            EventSink events) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.credentialsOfRun = Objects.requireNonNull(credentialsOfRun, "credentialsOfRun");
        this.clouds = Objects.requireNonNull(clouds, "clouds");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.events = Objects.requireNonNull(events, "events");
    }

    DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        if (!KubernetesTargetFactory.KIND.equals(spec.kind())) {
            throw new IllegalArgumentException(
                    "target kind '" + spec.kind() + "' is not " + KubernetesTargetFactory.KIND);
        }
        Map<String, String> requested = new LinkedHashMap<>(spec.settings());
        String run = requested.remove(KubernetesSettings.RUN);
        Map<String, String> settings = settings(key.environment(), requested);
        ConnectionChoice choice = ConnectionChoice.of(settings);
        KubernetesClient client = client(choice, run);
        // TLS verification off (a kubeconfig's insecure-skip-tls-verify) is allowed, as kubectl allows it, but said.
        KubernetesClients.warnings(client).forEach(events::emit);
        Map<String, String> target = KubernetesSettings.targetOnly(settings);
        // As on the command line: the Deployment is named after the application unless the target says otherwise.
        target.putIfAbsent("deployment", key.application());
        return new KubernetesTargetFactory(client, events)
                .open(key, new TargetSpec(KubernetesTargetFactory.KIND, target));
    }

    /** The settings a rollout to {@code environment} uses, by the engine's rule for trusted targets. */
    Map<String, String> settings(String environment, Map<String, String> requested) {
        TrustedTargets.Trusted side = trusted.of(environment);
        if (requested.containsKey(KubernetesSettings.CLOUD)) {
            // A cloud's client carries the cloud's own credentials, which the build may not be allowed to see.
            throw new IllegalArgumentException("cloud '" + requested.get(KubernetesSettings.CLOUD) + "' is named by "
                    + REQUESTED + ", but a cloud's client carries the cloud's own credentials, not ones the build may"
                    + " use; fix: use credentialsId in the Jenkinsfile, or let an administrator set cloud in "
                    + environment + "'s target in " + TRUSTED);
        }
        return TargetTrust.settings(
                side.environment(),
                new TargetTrust.Source(TRUSTED + " (" + environment + "'s target)", side.settings()),
                new TargetTrust.Source(REQUESTED, requested),
                KubernetesSettings.CONNECTION);
    }

    private KubernetesClient client(ConnectionChoice choice, String run) {
        if (choice instanceof ConnectionChoice.Cloud cloud) {
            return clouds.connect(cloud.name());
        }
        ConnectionChoice.Credential credential = (ConnectionChoice.Credential) choice;
        if (run == null) {
            throw new IllegalArgumentException(CredentialProblems.noRun(credential.credentialsId()));
        }
        return connector.open(credential, credentialsOfRun.apply(run));
    }
}
