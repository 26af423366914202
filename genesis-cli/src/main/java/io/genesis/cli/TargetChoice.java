package io.genesis.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one {@code genesis deploy} deploys to: the kind and settings from the environment's target in
 * {@code genesis.yaml}, then {@code --target} and {@code --target-option}, then the kind's dedicated
 * options, each later one overriding the earlier.
 *
 * @param kind the target kind
 * @param settings the merged settings, not yet checked by the kind
 * @param notes what the user should know about the choice, such as a file's target being overridden
 */
record TargetChoice(TargetKind kind, Map<String, String> settings, List<String> notes) {

    TargetChoice {
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        notes = List.copyOf(notes);
    }

    /**
     * Chooses the target.
     *
     * @param named the kind {@code --target} names, or {@code null}
     * @param configuration the configuration file's environments and targets
     * @param environment the environment deployed to
     * @param options the {@code --target-option} settings
     * @param dedicatedKind the kind the dedicated options belong to
     * @param dedicated the dedicated options given, as settings
     * @throws ConfigException for a target in the file (any environment's: the file is wrong either way)
     *     of an unknown kind or with an unknown key
     * @throws IllegalArgumentException for no target at all, an unknown kind, or options of another kind
     */
    static TargetChoice of(
            String named,
            ConfigFile.Contents configuration,
            String environment,
            Map<String, String> options,
            String dedicatedKind,
            Map<String, String> dedicated,
            TargetKinds kinds)
            throws ConfigException {
        Optional<ConfigFile.TargetBlock> file = configuration.target(environment);
        for (ConfigFile.TargetBlock block : configuration.targets().values()) {
            Optional<TargetKind> kind = kinds.find(block.kind());
            if (kind.isEmpty()) {
                throw new ConfigException(
                        block.where() + ": unknown kind '" + block.kind() + "'; known: " + kinds.names());
            }
            block.requireKnownKeys(kind.get().settingNames());
        }
        if (named == null && file.isEmpty()) {
            throw new IllegalArgumentException("--target is needed: " + environment + " names no target in the"
                    + " configuration; pass --target KIND (known: " + kinds.names() + "), or add a target: block to"
                    + " the environment in genesis.yaml");
        }
        String kindName = named != null ? named : file.get().kind();
        TargetKind kind = kinds.named(kindName);
        if (!dedicated.isEmpty() && !kindName.equals(dedicatedKind)) {
            throw new IllegalArgumentException("options for --target " + dedicatedKind + " were given ("
                    + String.join(", ", dedicated.keySet()) + "), but this deploy goes to " + kindName);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (file.isPresent()) {
            if (file.get().kind().equals(kindName)) {
                settings.putAll(file.get().settings());
            } else {
                notes.add("--target " + kindName + " overrides the "
                        + file.get().kind() + " target named at " + file.get().where() + "; its settings are not used");
            }
        }
        settings.putAll(options);
        settings.putAll(dedicated);
        return new TargetChoice(kind, settings, notes);
    }
}
