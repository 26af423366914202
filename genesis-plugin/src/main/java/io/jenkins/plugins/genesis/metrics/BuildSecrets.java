package io.jenkins.plugins.genesis.metrics;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Run;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.web.SecretResolver;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves a web source's {@code credentials:ID} references as Secret Text credentials, in the
 * context of the build that deployed (its folders, its authentication), each time a request is
 * made, and tracks them as used by that build. The reference stored with the rollout names the
 * credential's id and the build, never the secret.
 */
public final class BuildSecrets implements SecretResolver {

    private static final String RUN = ";run=";

    /**
     * {@code spec} with each {@code credentials:ID} reference bound to {@code run} (an externalizable
     * id such as {@code shop/main#12}), so that the engine, possibly after a restart, looks the
     * credential up for that build.
     */
    public static MetricSpec forBuild(MetricSpec spec, String run) {
        Map<String, String> settings = new TreeMap<>();
        spec.settings()
                .forEach((key, value) -> settings.put(
                        key,
                        value.startsWith(MetricSourceConfig.CREDENTIALS) && !value.contains(RUN)
                                ? value + RUN + run
                                : value));
        return new MetricSpec(spec.kind(), settings);
    }

    @Override
    public String resolve(String reference) {
        if (!reference.startsWith(MetricSourceConfig.CREDENTIALS) || !reference.contains(RUN)) {
            throw new IllegalArgumentException("the secret reference '" + reference + "' is not a credential of a"
                    + " build; fix: name a Secret Text credential by id in the environment's metric source");
        }
        String bound = reference.substring(MetricSourceConfig.CREDENTIALS.length());
        String id = bound.substring(0, bound.indexOf(RUN));
        String run = bound.substring(bound.indexOf(RUN) + RUN.length());
        Run<?, ?> build = JenkinsFacade.build(run)
                .orElseThrow(() -> new IllegalArgumentException(Messages.CREDENTIAL_NO_BUILD.format(id, run)));
        StringCredentials text = CredentialsProvider.findCredentialById(id, StringCredentials.class, build);
        if (text == null) {
            throw new IllegalArgumentException(Messages.CREDENTIAL_MISSING.format(id, run));
        }
        CredentialsProvider.track(build, text);
        return text.getSecret().getPlainText();
    }
}
