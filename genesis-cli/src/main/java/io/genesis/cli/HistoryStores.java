package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryBinder;
import io.genesis.core.history.HistoryLocation;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.target.DeploymentKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment records one command reads and writes: each environment's where its {@code history:}
 * says, the state directory's file by default, or ConfigMaps in the cluster of its Kubernetes target
 * ({@code history: cluster}), which every machine that reaches the cluster shares. A record goes to
 * its environment's store; reading every environment merges them, ordered by when each rollout ended.
 */
final class HistoryStores implements HistoryStore {

    private final JsonLinesHistoryStore file;
    private final Map<String, HistoryStore> cluster;
    private final RecordRetention retention;

    /**
     * @param file the state directory's records
     * @param cluster the store of each environment that keeps its records in the cluster
     * @param retention how long each environment's records are kept
     */
    HistoryStores(JsonLinesHistoryStore file, Map<String, HistoryStore> cluster, RecordRetention retention) {
        this.file = Objects.requireNonNull(file, "file");
        this.cluster = Map.copyOf(cluster);
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    HistoryStores(JsonLinesHistoryStore file, Map<String, HistoryStore> cluster) {
        this(file, cluster, RecordRetention.DEFAULT);
    }

    /**
     * Drops the state directory's records each environment's {@code retention:} lets go as of {@code now}
     * ({@code genesis history --compact}). The cluster's ConfigMaps need no such step: they let records go
     * as they are written.
     */
    JsonLinesHistoryStore.Compacted compact(Instant now) {
        return file.compact(retention, now);
    }

    /** How long each environment's records are kept. */
    RecordRetention retention() {
        return retention;
    }

    /** Only the state directory's records. */
    static HistoryStores fileOnly(StateDir dir) {
        return new HistoryStores(dir.history(), Map.of());
    }

    /**
     * The stores the environments of {@code configuration} choose.
     *
     * @param locations where each environment that says keeps its records ({@code history:})
     * @throws ConfigException when an environment keeps its records in the cluster but names no target
     *     that keeps records, or its target does not say where
     */
    static HistoryStores of(
            StateDir dir, ConfigFile.Contents configuration, Map<String, HistoryLocation> locations, TargetKinds kinds)
            throws ConfigException {
        Map<String, HistoryStore> cluster = new LinkedHashMap<>();
        for (Map.Entry<String, HistoryLocation> location : locations.entrySet()) {
            if (location.getValue() != HistoryLocation.CLUSTER) {
                continue;
            }
            String environment = location.getKey();
            ConfigFile.TargetBlock target = configuration
                    .target(environment)
                    .orElseThrow(() -> new ConfigException(environment + " keeps its records in the cluster"
                            + " (history: cluster), but names no target; fix: add a kubernetes target: block to "
                            + environment + ", or write history: file"));
            Optional<TargetKind> kind = kinds.find(target.kind());
            Optional<HistoryStore> store;
            try {
                store = kind.flatMap(k ->
                        k.history(target.settings(), configuration.records().of(environment)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(target.where() + ": " + e.getMessage());
            }
            cluster.put(
                    environment,
                    store.orElseThrow(() -> new ConfigException(target.where() + ": history: cluster keeps the"
                            + " records with the target, and a " + target.kind() + " target keeps none; fix: write"
                            + " history: file, or deploy " + environment + " to kubernetes")));
        }
        return new HistoryStores(dir.history(), cluster, configuration.records());
    }

    /**
     * The stores a command with {@code --policy} and {@code --config} uses: the files' environments, their
     * targets and their {@code history:}.
     */
    static HistoryStores of(Path policy, Path config, StateDir dir, TargetKinds kinds) throws ConfigException {
        PolicyFiles files = PolicyFiles.locate(
                policy, config, Path.of(""), System.getenv(), Path.of(System.getProperty("user.home")));
        return of(dir, files.read(), locations(files), kinds);
    }

    /**
     * Where each environment the files name keeps its records, the checkout's word after the trusted
     * file's. {@link PolicyFiles#read} has already refused a checkout that chooses for a protected
     * environment ({@link io.genesis.core.policy.CheckoutPolicy}).
     */
    static Map<String, HistoryLocation> locations(PolicyFiles files) throws ConfigException {
        Map<String, HistoryLocation> locations = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        files.trusted().ifPresent(paths::add);
        files.checkout().ifPresent(paths::add);
        for (Path path : paths) {
            YamlTree tree = ConfigFile.parse(path);
            try {
                locations.putAll(HistoryBinder.locations(EnvironmentBinder.entries(tree.root())));
            } catch (PolicyException e) {
                throw ConfigFile.problem(path.toString(), tree, e);
            }
        }
        return locations;
    }

    /** Whether any environment keeps its records in the cluster. */
    boolean anyInCluster() {
        return !cluster.isEmpty();
    }

    /** Whether {@code environment} keeps its records in the cluster. */
    boolean inCluster(String environment) {
        return cluster.containsKey(environment);
    }

    /** Where {@code environment}'s records are, for messages. */
    String describe(String environment) {
        HistoryStore store = storeOf(environment);
        return store == file ? file.file().toString() : "the cluster of " + environment + "'s target";
    }

    @Override
    public void append(DeploymentRecord record) {
        storeOf(record.environment()).append(record);
    }

    @Override
    public HistoryPage page(HistoryQuery query) {
        if (query.key() != null) {
            return storeOf(query.key().environment()).page(query);
        }
        if (cluster.isEmpty()) {
            return file.page(query);
        }
        Reading reading = read();
        List<DeploymentRecord> newest = new ArrayList<>(reading.records());
        Collections.reverse(newest);
        int from = Math.min(query.offset(), newest.size());
        int to = Math.min(from + query.limit(), newest.size());
        return new HistoryPage(newest.subList(from, to), newest.size(), reading.problems());
    }

    /** What runs in {@code key}, from the one store that keeps its environment's records. */
    @Override
    public Optional<DeploymentRecord> running(DeploymentKey key) {
        return storeOf(key.environment()).running(key);
    }

    /**
     * Every record, oldest first by when each ended, and what could not be read: the state directory's
     * (also those an environment wrote there before it moved to the cluster), and each cluster
     * environment's, which is the one kept when both hold a rollout.
     */
    Reading read() {
        JsonLinesHistoryStore.Contents contents = file.read();
        return merged(contents.records(), contents.problems());
    }

    /**
     * {@code reading} of the state directory with the records of the environments kept in the cluster
     * merged in ({@link #read}), and the problems met reading those.
     */
    StateReading over(StateReading reading) {
        if (cluster.isEmpty()) {
            return reading;
        }
        Reading merged = merged(reading.records(), reading.problems());
        return new StateReading(merged.records(), reading.rollouts(), merged.problems());
    }

    private Reading merged(List<DeploymentRecord> fromFile, List<String> problemsSoFar) {
        List<String> problems = new ArrayList<>(problemsSoFar);
        if (cluster.isEmpty()) {
            return new Reading(fromFile, problems);
        }
        Map<String, DeploymentRecord> byId = new LinkedHashMap<>();
        fromFile.forEach(r -> byId.put(r.id(), r));
        for (Map.Entry<String, HistoryStore> environment : cluster.entrySet()) {
            HistoryQuery query = HistoryQuery.newest(HistoryQuery.MAX_LIMIT);
            while (true) {
                HistoryPage page = environment.getValue().page(query);
                page.records().stream()
                        .filter(r -> r.environment().equals(environment.getKey()))
                        .forEach(r -> byId.put(r.id(), r));
                page.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
                if (!page.hasMore(query)) {
                    break;
                }
                query = query.next();
            }
        }
        List<DeploymentRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparing(DeploymentRecord::endedAt));
        return new Reading(records, problems);
    }

    private HistoryStore storeOf(String environment) {
        return cluster.getOrDefault(environment, file);
    }

    /**
     * Records read, and the problems met reading them.
     *
     * @param records oldest first
     * @param problems each line or object skipped, with why
     */
    record Reading(List<DeploymentRecord> records, List<String> problems) {
        Reading {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }
    }
}
