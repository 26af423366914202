package io.genesis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.freeze.FreezeBinder;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.Retention;
import io.genesis.core.history.RetentionBinder;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HooksBinder;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricsBinder;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.TextFiles;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchThresholdsBinder;
import io.genesis.docker.target.DockerSettings;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a policy file such as {@code genesis.yaml}: YAML onto the plain tree that the engine's
 * {@link EnvironmentBinder} reads, in the one schema shared with the Jenkins plugin's global
 * configuration (docs/configuration.md), and for the command line only, where each environment
 * deploys to. The binder's messages get the file, line and column in front.
 *
 * <pre>
 * environments:
 *   - name: production
 *     minPassRate: 98
 *     minCoverage: 85          # line coverage, in percent
 *     approvalRequired: true
 *     approvers: [alice]
 *     approverGroups: [release-managers]
 *     waitTimerMinutes: 5
 *     allowedBranches: [main, "release/*"]
 *     allowedTags: ["v*"]
 *     target:                  # command line only: genesis deploy's --target and its settings
 *       kind: kubernetes
 *       kubeconfig: ~/.kube/config
 *       context: prod
 *       namespace: prod
 * </pre>
 *
 * <p>The plugin's environments have no target (a Jenkinsfile names it per deploy step), so the target
 * block is read here rather than in the engine's environment.
 */
final class ConfigFile {

    /** Far more than any real configuration; a bigger file is a mistake, not a configuration. */
    static final long MAX_BYTES = 1 << 20;

    static final String FILE_NAME = "genesis.yaml";

    private ConfigFile() {}

    /**
     * What a file says: the environments, the targets some of them name, and their freeze windows.
     *
     * @param environments the environments
     * @param targets each environment's target, by environment name, where the file names one
     * @param metrics each environment's metric source ({@code metrics:}), where the file names one
     * @param hooks each environment's lifecycle hooks, by environment name, where the files give some
     * @param freezes each environment's freeze windows, by environment name, where it has some
     * @param watchThresholds each environment's post-deploy watch thresholds, where the files set them
     * @param retention each environment's {@code retention:}, where the files set one
     */
    record Contents(
            Environments environments,
            Map<String, TargetBlock> targets,
            Map<String, MetricSpec> metrics,
            Map<String, List<Hook>> hooks,
            Map<String, FreezeCalendar> freezes,
            Map<String, WatchThresholds> watchThresholds,
            Map<String, Retention> retention) {

        Contents {
            Objects.requireNonNull(environments, "environments");
            targets = Map.copyOf(targets);
            metrics = Map.copyOf(metrics);
            hooks = Map.copyOf(hooks);
            freezes = Map.copyOf(freezes);
            watchThresholds = Map.copyOf(watchThresholds);
            retention = Map.copyOf(retention);
        }

        Contents(Environments environments, Map<String, TargetBlock> targets) {
            this(environments, targets, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        }

        /** How long each environment's records are kept: its {@code retention:}, else the default. */
        RecordRetention records() {
            return RecordRetention.of(retention);
        }

        /** The post-deploy watch thresholds {@code environment}'s {@code watchThresholds:} sets, if any. */
        Optional<WatchThresholds> watchThresholds(String environment) {
            return Optional.ofNullable(watchThresholds.get(environment));
        }

        /** The metric source {@code environment}'s {@code metrics:} section names, if any. */
        Optional<MetricSpec> metrics(String environment) {
            return Optional.ofNullable(metrics.get(environment));
        }

        /** The hooks the files give {@code environment}, trusted ones first. */
        List<Hook> hooks(String environment) {
            return hooks.getOrDefault(environment, List.of());
        }

        /** The freeze windows of {@code environment}; none when it has none. */
        FreezeCalendar freeze(String environment) {
            return freezes.getOrDefault(environment, FreezeCalendar.NONE);
        }

        /** The target {@code environment} names, if any. */
        Optional<TargetBlock> target(String environment) {
            return Optional.ofNullable(targets.get(environment));
        }
    }

    /**
     * An environment's {@code target:} block: a kind and its settings, checked against the kind when a
     * command uses it, since only the command knows the kinds.
     *
     * @param where the file, the entry and its environment, such as {@code genesis.yaml: environments[1]
     *     (production) target}
     * @param kind the target kind, such as {@code kubernetes}
     * @param settings the other keys, as text
     */
    record TargetBlock(String where, String kind, Map<String, String> settings, Map<String, String> keyWhere) {

        TargetBlock {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(kind, "kind");
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
            keyWhere = Map.copyOf(keyWhere);
        }

        TargetBlock(String where, String kind, Map<String, String> settings) {
            this(where, kind, settings, Map.of());
        }

        /** Where {@code key} is written: with its line and column when the file was read with them. */
        String where(String key) {
            return keyWhere.getOrDefault(key, where);
        }

        /**
         * Checks every key against the settings {@code known} to the block's kind.
         *
         * @throws ConfigException naming the file, the environment, the key and the known keys
         */
        void requireKnownKeys(Set<String> known) throws ConfigException {
            for (String key : settings.keySet()) {
                if (!known.contains(key)) {
                    Set<String> all = new TreeSet<>(known);
                    all.add(KIND);
                    throw new ConfigException(where(key) + ": unknown key '" + key + "' for kind " + kind
                            + "; fix: use one of the known keys: " + String.join(", ", all));
                }
            }
        }
    }

    /** The key of a target block that names its kind. */
    static final String KIND = "kind";

    /**
     * Reads the environments from {@code file}.
     *
     * @throws ConfigException naming the file, the line, the field and the fix
     */
    static Environments load(Path file) throws ConfigException {
        return read(file).environments();
    }

    /**
     * Reads the environments and their targets from {@code file}.
     *
     * @throws ConfigException naming the file, the line, the field and the fix
     */
    static Contents read(Path file) throws ConfigException {
        String name = file.toString();
        YamlTree tree = parse(file);
        PolicyDocument document;
        Map<String, MetricSpec> metrics;
        Map<String, WatchThresholds> watchThresholds;
        Map<String, Retention> retention;
        try {
            document = EnvironmentBinder.bind(tree.root());
            metrics = MetricsBinder.bind(document);
            watchThresholds = WatchThresholdsBinder.bind(document);
            retention = RetentionBinder.bind(document);
        } catch (PolicyException e) {
            throw problem(name, tree, e);
        }
        Map<String, TargetBlock> targets = new LinkedHashMap<>();
        Map<String, List<Hook>> hooks = new LinkedHashMap<>();
        for (int i = 0; i < document.entries().size(); i++) {
            String environment = document.entries().get(i).name();
            Map<String, Object> target = document.targets().get(environment);
            if (target != null) {
                targets.put(environment, target(name, tree, i, environment, target));
            }
            try {
                List<Hook> given = HooksBinder.hooks(
                        document.entries().get(i), document.environments().named(environment));
                if (!given.isEmpty()) {
                    hooks.put(environment, given);
                }
            } catch (PolicyException e) {
                throw problem(name, tree, e);
            }
        }
        return new Contents(
                document.environments(),
                targets,
                metrics,
                hooks,
                freezes(name, tree, document, Map.of()),
                watchThresholds,
                retention);
    }

    /**
     * The YAML of {@code file} as a plain tree with locations.
     *
     * @throws ConfigException when it is missing, too large, unreadable or not YAML
     */
    static YamlTree parse(Path file) throws ConfigException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(name + " does not exist or is not a file; fix: pass an existing --config"
                        + " file, or leave --config out to use " + FILE_NAME + " in the directory or the built-in"
                        + " environments");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(name + " is larger than " + MAX_BYTES
                        + " bytes; fix: point --config at the Genesis configuration");
            }
            return YamlTree.parse(TextFiles.utf8(Files.readAllBytes(file), name));
        } catch (TextFiles.BadText e) {
            throw new ConfigException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    // The parser's message quotes the line, which may hold a password: neither it nor the exception
                    // goes on.
                    ParseProblem.where(name, e) + ": not valid YAML (" + ParseProblem.problem(e)
                            + "); fix: correct the syntax, for example the indentation");
        } catch (IOException e) {
            throw new ConfigException(
                    name + " cannot be read (" + why(e) + "); fix: check that the file is readable", e);
        }
    }

    /**
     * Why a file could not be read, in words and without a Java class name: the operating system's
     * reason (such as {@code too many levels of symbolic links} for a link that leads to itself).
     */
    static String why(IOException e) {
        if (e instanceof FileSystemException files && files.getReason() != null) {
            return files.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        return e.getMessage() == null ? "an input or output error" : ParseProblem.problem(e);
    }

    /**
     * The freeze windows of {@code document}'s environments, added to those of {@code before}: a
     * checkout may add freezes, never remove the trusted ones.
     */
    static Map<String, FreezeCalendar> freezes(
            String file, YamlTree tree, PolicyDocument document, Map<String, FreezeCalendar> before)
            throws ConfigException {
        Map<String, FreezeCalendar> freezes = new LinkedHashMap<>(before);
        for (PolicyEntry entry : document.entries()) {
            FreezeCalendar calendar;
            try {
                calendar = FreezeBinder.calendar(entry);
            } catch (PolicyException e) {
                throw problem(file, tree, e);
            }
            if (!calendar.windows().isEmpty()) {
                freezes.merge(entry.name(), calendar, FreezeCalendar::plus);
            }
        }
        return freezes;
    }

    /** The binder's message with the file, line and column in front. */
    static ConfigException problem(String file, YamlTree tree, PolicyException e) {
        String at = tree.where(e.path());
        return new ConfigException(file + (at.isEmpty() ? "" : ", " + at) + ": " + e.getMessage(), e);
    }

    /**
     * The environments and targets a command uses: the trusted policy ({@code policy}, else the
     * process's {@code GENESIS_POLICY}, else the user's default file, else the built-in staging and
     * production), tightened by the checkout's ({@code config}, else {@code genesis.yaml} in
     * {@code directory}); see {@link PolicyFiles}.
     */
    static Contents contents(Path policy, Path config, Path directory) throws ConfigException {
        return PolicyFiles.locate(policy, config, directory, System.getenv(), Path.of(System.getProperty("user.home")))
                .read();
    }

    /**
     * The {@code target:} block of the environment at {@code index} in {@code file}, each of its keys
     * located in {@code tree}, so that a problem with one is shown at its line and column.
     */
    static TargetBlock target(String file, YamlTree tree, int index, String environment, Map<String, Object> target)
            throws ConfigException {
        String path = "environments[" + index + "].target";
        String description = "environments[" + index + "] (" + environment + ") target";
        Map<String, String> keyWhere = new LinkedHashMap<>();
        for (String key : target.keySet()) {
            String at = tree.where(path + "." + key);
            keyWhere.put(key, file + (at.isEmpty() ? "" : ", " + at) + ": " + description);
        }
        String at = tree.where(path);
        TargetBlock block = target(file + (at.isEmpty() ? "" : ", " + at) + ": " + description, target);
        return new TargetBlock(block.where(), block.kind(), block.settings(), keyWhere);
    }

    static TargetBlock target(String where, Map<String, Object> target) throws ConfigException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> setting : target.entrySet()) {
            Object value = setting.getValue();
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new ConfigException(where + ": " + setting.getKey() + " must be a single value such as"
                        + " 'prod', not a list or a mapping");
            }
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(
                        where + ": " + setting.getKey() + " has no value; fix: give one, or remove" + " the key");
            }
            settings.put(setting.getKey(), value.toString().trim());
        }
        String kind = settings.remove(KIND);
        if (kind == null) {
            throw new ConfigException(where + " has no kind" + kindHint(settings.keySet()));
        }
        return new TargetBlock(where, kind, settings);
    }

    /**
     * The fix for a target block without a kind: the kind whose settings are exactly its keys where one
     * is, else every kind.
     */
    private static String kindHint(Set<String> keys) {
        Map<String, Set<String>> kinds = new TreeMap<>(Map.of(
                DockerKind.NAME, DockerSettings.KNOWN.keySet(),
                KubernetesKind.NAME, KubernetesKind.standardSettingNames(),
                SandboxKind.NAME, SandboxKind.KNOWN.keySet()));
        List<String> fitting = kinds.entrySet().stream()
                .filter(kind -> !keys.isEmpty() && kind.getValue().containsAll(keys))
                .map(Map.Entry::getKey)
                .toList();
        if (fitting.size() == 1) {
            return " (its keys " + String.join(", ", new TreeSet<>(keys)) + " are settings of kind " + fitting.get(0)
                    + "); fix: add 'kind: " + fitting.get(0) + "'";
        }
        return "; fix: add the kind of target it is: 'kind: docker', 'kind: kubernetes' or 'kind: sandbox'";
    }
}
