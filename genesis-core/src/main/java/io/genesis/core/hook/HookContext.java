package io.genesis.core.hook;

import io.genesis.core.target.DeploymentKey;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a hook is told about the rollout it runs in.
 *
 * @param rolloutId the rollout's id
 * @param key the application and environment
 * @param version the version being deployed
 * @param commit the commit being deployed
 * @param phase the phase the hook runs at
 * @param previewUrl where the candidate answers before user traffic reaches it, when the target says
 */
public record HookContext(
        String rolloutId, DeploymentKey key, String version, String commit, HookPhase phase, URI previewUrl) {

    public HookContext {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(phase, "phase");
    }

    public Optional<URI> preview() {
        return Optional.ofNullable(previewUrl);
    }

    /** The values a command's placeholders and environment variables take, in a stable order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", previewUrl == null ? "" : previewUrl.toString());
        values.put("version", version);
        values.put("commit", commit);
        values.put("application", key.application());
        values.put("environment", key.environment());
        values.put("rollout", rolloutId);
        values.put("phase", phase.key());
        return values;
    }

    /**
     * The same values as environment variables, as a hook's process or a Jenkins body sees them:
     * {@code GENESIS_VERSION} for {@code {version}}, and the candidate's address as {@code GENESIS_PREVIEW_URL}.
     */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        values().forEach((name, value) -> variables.put(
                "GENESIS_" + (name.equals("url") ? "PREVIEW_URL" : name.toUpperCase(java.util.Locale.ROOT)), value));
        return variables;
    }
}
