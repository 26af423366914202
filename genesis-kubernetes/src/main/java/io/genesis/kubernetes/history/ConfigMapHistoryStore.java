package io.genesis.kubernetes.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.Retention;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.Redaction;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.StoredJson;
import io.genesis.core.time.TimeJson;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deployment records kept in the cluster, as ConfigMaps in one namespace, so that every machine that
 * reaches the cluster sees the same history, and no controller or custom resource has to be
 * installed. Each (application, environment) has a head ConfigMap holding its newest records as JSON
 * lines and the names of its chunks; when the head grows past {@link Limits}, its oldest records move
 * into a new chunk, which is never changed again. Then the oldest chunks whose records the environment's
 * {@link Retention} lets go ({@link RecordRetention#kept}, the rule of every store) are deleted; a chunk
 * holding a record the retention keeps stays, unless the store would then hold more than
 * {@link Limits#maxChunks} chunks: that bound wins, and the head says so ({@link HistoryMaps#FORCED}),
 * which every reader reports.
 *
 * <p>Every change of a head is a read-modify-write carrying the resource version it read: when another
 * writer changed the head in between, the API answers 409, nothing was written, and the append starts
 * again from a fresh read; a record is never lost to a race. A chunk is only read when the head names
 * it, so a chunk whose head update lost a race is deleted again, and one left by a writer that died in
 * between is never read. Lines that cannot be read are kept as they are and reported by every reader
 * (ConfigMap, key, line and what is wrong), never hidden.
 */
public final class ConfigMapHistoryStore implements HistoryStore {

    /** How often an append starts again when the head keeps changing underneath it. */
    static final int ATTEMPTS = 20;

    private static final ObjectMapper JSON = TimeJson.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HistoryMaps maps;
    private final Limits limits;
    private final RecordRetention retention;
    private final Clock clock;

    /** A store in {@code namespace} with the {@link Limits#DEFAULT default limits} and retention. */
    public ConfigMapHistoryStore(KubernetesClient client, String namespace) {
        this(client, namespace, Limits.DEFAULT);
    }

    public ConfigMapHistoryStore(KubernetesClient client, String namespace, Limits limits) {
        this(client, namespace, limits, Retention.DEFAULT);
    }

    /** A store whose records are kept as {@code retention} asks, within {@code limits}, by this host's clock. */
    public ConfigMapHistoryStore(KubernetesClient client, String namespace, Limits limits, Retention retention) {
        this(client, namespace, limits, retention, Clock.systemUTC());
    }

    /**
     * @param retention how long the records are kept (the environment's {@code retention:})
     * @param clock what "now" is when the retention's days are counted
     */
    public ConfigMapHistoryStore(
            KubernetesClient client, String namespace, Limits limits, Retention retention, Clock clock) {
        this.maps = new HistoryMaps(client, namespace);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.retention = new RecordRetention(Objects.requireNonNull(retention, "retention"), Map.of());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The head ConfigMap of {@code key}'s records. */
    public static String headName(DeploymentKey key) {
        return HistoryMaps.headName(key);
    }

    /** Where the records are, for messages: {@code ConfigMaps genesis-history-* in namespace prod}. */
    public String describe() {
        return "ConfigMaps genesis-history-* in namespace " + maps.namespace();
    }

    @Override
    public void append(DeploymentRecord record) {
        String line = toLine(record);
        DeploymentKey key = record.key();
        String name = HistoryMaps.headName(key);
        KubernetesApiException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                if (tryAppend(key, name, record.id(), line)) {
                    return;
                }
            } catch (KubernetesApiException e) {
                if (e.problem() != Problem.CONFLICT) {
                    // Its message names the request, the ConfigMap and what to do (RBAC, namespace).
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException(
                "could not store deployment record " + record.id() + " in " + maps.describe(name) + ": it changed "
                        + ATTEMPTS + " times while this write was tried (another genesis keeps writing it); run the"
                        + " command again",
                last);
    }

    /** One read-modify-write of the head; false when another writer won the race and it must start again. */
    private boolean tryAppend(DeploymentKey key, String name, String id, String line) {
        Optional<ConfigMap> read = maps.read(name);
        if (read.isEmpty()) {
            maps.createHead(key, line + "\n");
            return true;
        }
        ConfigMap head = read.get();
        Map<String, String> data = head.getData() == null ? new HashMap<>() : new HashMap<>(head.getData());
        List<String> lines = new ArrayList<>(lines(data.get(HistoryMaps.RECORDS)));
        // The record's earlier line in the head goes: one logical record per id, as in the file store.
        lines.removeIf(existing -> id.equals(idOf(existing)));
        lines.add(line);
        List<String> chunks = new ArrayList<>(lines(data.get(HistoryMaps.CHUNKS)));
        String created = null;
        if (lines.size() > limits.maxRecords() || bytes(lines) > limits.maxBytes()) {
            List<String> moved = new ArrayList<>();
            // Down to half the bounds, so that chunks are few and large rather than one per append.
            while (lines.size() > 1
                    && (lines.size() > limits.maxRecords() / 2 || bytes(lines) > limits.maxBytes() / 2)) {
                moved.add(lines.remove(0));
            }
            created = name + "." + String.format(Locale.ROOT, "%06d", chunks.size() + 1) + "-" + suffix();
            maps.createChunk(created, key, String.join("\n", moved) + "\n");
            chunks.add(created);
        }
        List<String> dropped = created == null ? List.of() : letGo(key, chunks, lines, data);
        data.put(HistoryMaps.RECORDS, String.join("\n", lines) + "\n");
        data.put(HistoryMaps.CHUNKS, chunks.isEmpty() ? "" : String.join("\n", chunks) + "\n");
        head.setData(data);
        try {
            maps.updateHead(head);
        } catch (KubernetesApiException e) {
            if (created != null && e.problem() == Problem.CONFLICT) {
                // Not named by any head: nobody would read it.
                maps.delete(created);
            }
            throw e;
        }
        // Past the retention: no head names them any more.
        dropped.forEach(maps::delete);
        return true;
    }

    /**
     * Removes from {@code chunks} the oldest ones to delete: those whose records the retention lets go (or
     * that a later line replaced), then, past {@link Limits#maxChunks}, the oldest whatever they hold,
     * noting in {@code data} how many kept records that bound deleted.
     *
     * @return the chunks to delete once the head no longer names them
     */
    private List<String> letGo(DeploymentKey key, List<String> chunks, List<String> head, Map<String, String> data) {
        List<List<String>> idsByChunk = new ArrayList<>();
        Map<String, DeploymentRecord> latest = new LinkedHashMap<>();
        for (String chunk : chunks) {
            Map<String, DeploymentRecord> records = new LinkedHashMap<>();
            maps.read(chunk)
                    .ifPresent(found -> parse(
                            key,
                            chunk,
                            found.getData() == null ? null : found.getData().get(HistoryMaps.RECORDS),
                            records,
                            new ArrayList<>()));
            idsByChunk.add(new ArrayList<>(records.keySet()));
            records.forEach((id, record) -> {
                latest.remove(id);
                latest.put(id, record);
            });
        }
        Map<String, DeploymentRecord> inHead = new LinkedHashMap<>();
        parse(key, "head", String.join("\n", head), inHead, new ArrayList<>());
        inHead.forEach((id, record) -> {
            latest.remove(id);
            latest.put(id, record);
        });
        Set<String> keep = retention.kept(new ArrayList<>(latest.values()), clock.instant());
        // A chunk's line of a record whose latest line is later (a later chunk, the head) is not kept here.
        Set<String> later = new HashSet<>(inHead.keySet());
        List<Integer> keptIn = new ArrayList<>();
        for (int i = idsByChunk.size() - 1; i >= 0; i--) {
            int kept = 0;
            for (String id : idsByChunk.get(i)) {
                if (later.add(id) && keep.contains(id)) {
                    kept++;
                }
            }
            keptIn.add(0, kept);
        }
        List<String> dropped = new ArrayList<>();
        int forced = 0;
        while (!chunks.isEmpty() && (keptIn.get(0) == 0 || chunks.size() > limits.maxChunks())) {
            forced += keptIn.remove(0);
            dropped.add(chunks.remove(0));
        }
        if (forced > 0) {
            data.put(
                    HistoryMaps.FORCED,
                    forced + " records that the retention (" + retention.fallback() + ") keeps were deleted at "
                            + clock.instant() + ": this store keeps at most " + limits.maxChunks() + " chunks of "
                            + limits.maxRecords() + " records (or " + limits.maxBytes() + " bytes) per application and"
                            + " environment, as a namespace holds only so many ConfigMaps; fix: export the history"
                            + " (genesis history --export) more often than the retention asks, or keep fewer");
        }
        return dropped;
    }

    @Override
    public HistoryPage page(HistoryQuery query) {
        Contents contents = query.key() == null ? readAll() : read(query.key());
        // The ConfigMaps are per key; a job's (or folder's) records are picked from them by their build.
        List<DeploymentRecord> matching = new ArrayList<>(
                contents.records().stream().filter(query::matches).toList());
        Collections.reverse(matching);
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new HistoryPage(matching.subList(from, to), matching.size(), contents.problems());
    }

    /** Every record of {@code key}, oldest first, and what could not be read. */
    public Contents read(DeploymentKey key) {
        String name = HistoryMaps.headName(key);
        Optional<ConfigMap> head = maps.read(name);
        if (head.isEmpty()) {
            return new Contents(List.of(), List.of());
        }
        return read(key, head.get());
    }

    /**
     * Every record of every application and environment in the namespace: oldest first within a key,
     * and across keys by when each ended.
     */
    public Contents readAll() {
        List<DeploymentRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ConfigMap head : maps.heads()) {
            Map<String, String> labels = head.getMetadata().getLabels();
            DeploymentKey key;
            try {
                key = new DeploymentKey(labels.get(HistoryMaps.APPLICATION), labels.get(HistoryMaps.ENVIRONMENT));
            } catch (IllegalArgumentException e) {
                problems.add(maps.describe(head.getMetadata().getName()) + " skipped: its labels "
                        + HistoryMaps.APPLICATION + " and " + HistoryMaps.ENVIRONMENT + " name no valid application"
                        + " and environment (" + e.getMessage() + "); fix: delete it if Genesis did not write it");
                continue;
            }
            Contents contents = read(key, head);
            records.addAll(contents.records());
            problems.addAll(contents.problems());
        }
        // Keys live in ConfigMaps of their own: across keys, the order is when each rollout ended.
        records.sort(Comparator.comparing(DeploymentRecord::endedAt));
        return new Contents(records, problems);
    }

    private Contents read(DeploymentKey key, ConfigMap head) {
        String name = head.getMetadata().getName();
        Map<String, DeploymentRecord> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!name.equals(HistoryMaps.headName(key))) {
            problems.add(maps.describe(name) + " skipped: it is labelled as the records of " + key + ", whose"
                    + " ConfigMap is " + HistoryMaps.headName(key) + "; fix: delete it if Genesis did not write it");
            return new Contents(List.of(), problems);
        }
        Map<String, String> data = head.getData() == null ? Map.of() : head.getData();
        for (String chunk : lines(data.get(HistoryMaps.CHUNKS))) {
            Optional<ConfigMap> found = maps.read(chunk);
            if (found.isEmpty()) {
                problems.add(maps.describe(chunk) + ", named in key " + HistoryMaps.CHUNKS + " of " + name
                        + ", is missing: the records it held cannot be read (deleted by hand?)");
                continue;
            }
            Map<String, String> chunkData =
                    found.get().getData() == null ? Map.of() : found.get().getData();
            parse(key, chunk, chunkData.get(HistoryMaps.RECORDS), byId, problems);
        }
        parse(key, name, data.get(HistoryMaps.RECORDS), byId, problems);
        if (data.get(HistoryMaps.FORCED) != null) {
            problems.add(maps.describe(name) + ": " + data.get(HistoryMaps.FORCED));
        }
        return new Contents(List.copyOf(byId.values()), problems);
    }

    private void parse(
            DeploymentKey key, String map, String text, Map<String, DeploymentRecord> byId, List<String> problems) {
        List<String> lines = text == null ? List.of() : List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = maps.describe(map) + " key " + HistoryMaps.RECORDS + " line " + (i + 1) + " skipped: ";
            try {
                DeploymentRecord record =
                        StoredJson.read(line.getBytes(StandardCharsets.UTF_8), DeploymentRecord.class);
                if (!record.key().equals(key)) {
                    problems.add(where + "record " + record.id() + " is of " + record.key() + ", not of " + key
                            + "; fix: remove the line, it was not written by Genesis");
                    continue;
                }
                byId.remove(record.id());
                byId.put(record.id(), record);
            } catch (JsonProcessingException e) {
                problems.add(where + "not a valid record - " + ParseProblem.problem(e));
            }
        }
    }

    /** The id of a stored line, or {@code null} when it cannot be read (then it is kept as it is). */
    private static String idOf(String line) {
        try {
            JsonNode id = JSON.readTree(line).get("id");
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static long bytes(List<String> lines) {
        long total = 0;
        for (String line : lines) {
            total += line.getBytes(StandardCharsets.UTF_8).length + 1L;
        }
        return total;
    }

    private static String suffix() {
        return String.format(Locale.ROOT, "%06x", RANDOM.nextInt(1 << 24));
    }

    private static String toLine(DeploymentRecord record) {
        try {
            // Jackson escapes line breaks inside strings, so one record is always one line; one redaction
            // for everything stored, as in the file store.
            return Redaction.text(JSON.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write deployment record " + record.id() + " as JSON", e);
        }
    }

    /**
     * How large the records of one application and environment may grow. A ConfigMap holds less than
     * 1 MiB; the head keeps at most {@code maxRecords} records and {@code maxBytes} bytes of them, and
     * older records go into chunks, of which the newest {@code maxChunks} are kept.
     *
     * @param maxRecords records in the head, at least 2
     * @param maxBytes bytes of records in the head, 1 KiB to 768 KiB
     * @param maxChunks chunks kept at most; older ones are deleted even when the retention would keep them
     */
    public record Limits(int maxRecords, int maxBytes, int maxChunks) {

        /** 100 records or 256 KiB in the head, 50 chunks: at least 2 550 records per key. */
        public static final Limits DEFAULT = new Limits(100, 256 * 1024, 50);

        public Limits {
            if (maxRecords < 2) {
                throw new IllegalArgumentException("maxRecords must be at least 2, got " + maxRecords);
            }
            if (maxBytes < 1024 || maxBytes > 768 * 1024) {
                throw new IllegalArgumentException(
                        "maxBytes must be between 1024 and 786432 (a ConfigMap holds less than 1 MiB), got "
                                + maxBytes);
            }
            if (maxChunks < 1) {
                throw new IllegalArgumentException("maxChunks must be at least 1, got " + maxChunks);
            }
        }
    }

    /**
     * What the store holds for one or every key.
     *
     * @param records the latest line of every record, oldest first
     * @param problems the lines and ConfigMaps skipped, with why
     */
    public record Contents(List<DeploymentRecord> records, List<String> problems) {
        public Contents {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }
    }
}
