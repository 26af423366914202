package io.genesis.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.secret.ParseProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.stream.Collectors;

/**
 * Reads {@code genesis.yaml}: the environments, in the same schema as the Jenkins plugin's global
 * configuration, and for the command line only, where each environment deploys to.
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigFile() {}

    /** The document: a list of environments. */
    record Document(List<Entry> environments) {}

    /**
     * What a file says: the environments, and the targets some of them name.
     *
     * @param environments the environments
     * @param targets each environment's target, by environment name, where the file names one
     */
    record Contents(Environments environments, Map<String, TargetBlock> targets) {

        Contents {
            Objects.requireNonNull(environments, "environments");
            targets = Map.copyOf(targets);
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
    record TargetBlock(String where, String kind, Map<String, String> settings) {

        TargetBlock {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(kind, "kind");
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
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
                    throw new ConfigException(where + ": unknown key '" + key + "' for kind " + kind
                            + "; fix: use one of the known keys: " + String.join(", ", all));
                }
            }
        }
    }

    /** The key of a target block that names its kind. */
    static final String KIND = "kind";

    /**
     * One environment as written in the file; absent fields are {@code null}. A class with setters
     * rather than a record, so that Jackson reports an unknown field at its own line, not at the end
     * of the entry.
     */
    static final class Entry {
        private String name;
        private Double minPassRate;
        private Double minCoverage;
        private List<String> approvers;
        private List<String> approverGroups;
        private Integer waitTimerMinutes;
        private List<String> allowedBranches;
        private List<String> allowedTags;
        private Boolean approvalRequired;
        private Map<String, Object> target;

        String name() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        Double minPassRate() {
            return minPassRate;
        }

        public void setMinPassRate(Double minPassRate) {
            this.minPassRate = minPassRate;
        }

        Double minCoverage() {
            return minCoverage;
        }

        public void setMinCoverage(Double minCoverage) {
            this.minCoverage = minCoverage;
        }

        List<String> approvers() {
            return approvers;
        }

        public void setApprovers(List<String> approvers) {
            this.approvers = approvers;
        }

        List<String> approverGroups() {
            return approverGroups;
        }

        public void setApproverGroups(List<String> approverGroups) {
            this.approverGroups = approverGroups;
        }

        Integer waitTimerMinutes() {
            return waitTimerMinutes;
        }

        public void setWaitTimerMinutes(Integer waitTimerMinutes) {
            this.waitTimerMinutes = waitTimerMinutes;
        }

        List<String> allowedBranches() {
            return allowedBranches;
        }

        public void setAllowedBranches(List<String> allowedBranches) {
            this.allowedBranches = allowedBranches;
        }

        List<String> allowedTags() {
            return allowedTags;
        }

        public void setAllowedTags(List<String> allowedTags) {
            this.allowedTags = allowedTags;
        }

        Boolean approvalRequired() {
            return approvalRequired;
        }

        public void setApprovalRequired(Boolean approvalRequired) {
            this.approvalRequired = approvalRequired;
        }

        Map<String, Object> target() {
            return target;
        }

        public void setTarget(Map<String, Object> target) {
            this.target = target == null ? null : new LinkedHashMap<>(target);
        }
    }

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
        Document document;
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
            String content = Files.readString(file);
            document = content.isBlank() ? null : YAML.readValue(content, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(where(name, e) + ": unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + "; fix: use one of the known fields: " + known(e));
        } catch (InvalidFormatException e) {
            throw new ConfigException(where(name, e) + ": " + path(e) + " cannot be that value (not repeated, in case"
                    + " it is a secret); fix: write " + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(where(name, e) + ": " + path(e) + " has the wrong shape; fix: write "
                    + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // The parser's message quotes the line, which may hold a password: neither it nor the exception goes on.
            throw new ConfigException(where(name, e) + ": not valid YAML (" + ParseProblem.problem(e)
                    + "); fix: correct the syntax, for example the indentation");
        } catch (IOException e) {
            throw new ConfigException(
                    name + " cannot be read (" + e.getClass().getSimpleName()
                            + "); fix: check that the file is readable",
                    e);
        }
        if (document == null
                || document.environments() == null
                || document.environments().isEmpty()) {
            throw new ConfigException(name + " defines no environments; fix: add a list under 'environments:',"
                    + " for example '- name: staging' with minPassRate and minCoverage");
        }
        List<Environment> environments = new ArrayList<>();
        Map<String, TargetBlock> targets = new LinkedHashMap<>();
        for (int i = 0; i < document.environments().size(); i++) {
            Entry entry = document.environments().get(i);
            environments.add(environment(name, i, entry));
            if (entry.target() != null) {
                targets.put(
                        entry.name(), target(name + ": environments[" + i + "] (" + entry.name() + ") target", entry));
            }
        }
        try {
            return new Contents(new Environments(environments), targets);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The environments a command uses: {@code config} if given, else {@code genesis.yaml} in
     * {@code directory} if there is one, else the built-in staging and production.
     */
    static Environments resolve(Path config, Path directory) throws ConfigException {
        return contents(config, directory).environments();
    }

    /** As {@link #resolve}, with the targets the file names (none for the built-in environments). */
    static Contents contents(Path config, Path directory) throws ConfigException {
        if (config != null) {
            return read(config);
        }
        Path implicit = directory.resolve(FILE_NAME);
        return Files.exists(implicit) ? read(implicit) : new Contents(Environments.defaults(), Map.of());
    }

    private static TargetBlock target(String where, Entry entry) throws ConfigException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> setting : entry.target().entrySet()) {
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
            throw new ConfigException(where + " has no kind; fix: add 'kind: kubernetes' (or sandbox)");
        }
        return new TargetBlock(where, kind, settings);
    }

    private static Environment environment(String file, int index, Entry entry) throws ConfigException {
        String at = file + ": environments[" + index + "]";
        if (entry == null) {
            throw new ConfigException(at + " is empty; fix: give it at least name, minPassRate and minCoverage");
        }
        require(at, "name", entry.name(), "a name such as 'staging'");
        at += " (" + entry.name() + ")";
        require(at, "minPassRate", entry.minPassRate(), "a percentage such as 95");
        require(at, "minCoverage", entry.minCoverage(), "a line coverage percentage such as 85");
        try {
            Environment.requireValidName(entry.name());
            ApprovalPolicy approval = new ApprovalPolicy(
                    Boolean.TRUE.equals(entry.approvalRequired()),
                    set(entry.approvers()),
                    set(entry.approverGroups()),
                    Duration.ofMinutes(entry.waitTimerMinutes() == null ? 0 : entry.waitTimerMinutes()),
                    ApprovalPolicy.DEFAULT_TIMEOUT,
                    false);
            return new Environment(
                    entry.name(),
                    GateThresholds.of(entry.minPassRate(), entry.minCoverage()),
                    approval,
                    new RefPolicy(list(entry.allowedBranches()), list(entry.allowedTags())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at + ": " + e.getMessage() + "; fix: correct this environment in " + file, e);
        }
    }

    private static void require(String at, String field, Object value, String example) throws ConfigException {
        if (value == null) {
            throw new ConfigException(at + " has no " + field + "; fix: add '" + field + ":' with " + example);
        }
    }

    private static Set<String> set(List<String> values) {
        return new TreeSet<>(list(values));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String where(String file, JsonProcessingException e) {
        return ParseProblem.where(file, e);
    }

    /** {@code environments[1].minPassRate}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the document" : path.toString();
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? "see the documentation"
                : e.getKnownPropertyIds().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "the documented form";
        }
        if (type == Double.class || type == Integer.class || type == double.class || type == int.class) {
            return "a number such as 95 (no % sign, no quotes)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping such as '{kind: kubernetes, namespace: prod}'";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list such as [main, \"release/*\"]";
        }
        if (type == Document.class) {
            return "a mapping with an 'environments:' list";
        }
        if (type == Entry.class) {
            return "a mapping such as '- name: staging'";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
