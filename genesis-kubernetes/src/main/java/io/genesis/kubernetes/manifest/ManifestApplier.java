package io.genesis.kubernetes.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.TextFiles;
import io.genesis.kubernetes.api.EventSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies a folder of YAML manifests to one namespace: every {@code *.yaml} / {@code *.yml} file in
 * name order, each document an object. Images are substituted first; then every object is sent as
 * a server-side dry run, and only when all of them pass is anything written, so a typo in the last
 * file changes nothing.
 *
 * <p>The folder's files stay in the folder: a link that leads out of it is refused, as is any
 * cluster-scoped object unless the target allows them, and a YAML error names file, line and column,
 * never the line (it may be a password).
 */
public final class ManifestApplier {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Larger than any folder's file of objects the API server would store (etcd keeps 1.5 MiB per object). */
    static final long MAX_FILE_BYTES = 3L << 20;

    private final ManifestWriter writer;
    private final String namespace;
    private final EventSink events;
    private final boolean clusterScopedAllowed;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** An applier that refuses cluster-scoped objects. */
    public ManifestApplier(ManifestWriter writer, String namespace, EventSink events) {
        this(writer, namespace, events, false);
    }

    /**
     * @param clusterScopedAllowed whether the folder may hold cluster-scoped objects (ClusterRole,
     *     Namespace, CustomResourceDefinition, webhooks...): the target setting {@code allowClusterScoped}
     */
    public ManifestApplier(ManifestWriter writer, String namespace, EventSink events, boolean clusterScopedAllowed) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.events = Objects.requireNonNull(events, "events");
        this.clusterScopedAllowed = clusterScopedAllowed;
    }

    /** Loads, substitutes, dry-runs and applies the manifests in {@code folder}; answers what was applied. */
    public List<HasMetadata> apply(Path folder, ImageSubstitution images) {
        return apply(folder, load(folder, images));
    }

    /**
     * Dry-runs every one of {@code manifests} (loaded from {@code folder}), then, only when all
     * passed, writes them in order. Writing is idempotent, so after a failure part-way the whole
     * folder can be applied again. A CustomResourceDefinition in the folder is written before the
     * other objects, and the objects of the kind it defines are not dry-run: the API server cannot
     * validate a kind it does not know yet (their dry run would fail on every first deploy).
     */
    public List<HasMetadata> apply(Path folder, List<Manifest> loaded) {
        Set<String> defined = definedKinds(loaded);
        List<Manifest> manifests = new ArrayList<>(loaded);
        // Stable: CRDs first, everything else in file order.
        manifests.sort(Comparator.comparing(m -> !isDefinition(m.object())));
        List<String> unchecked = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (defined.contains(kindOf(manifest.object()))) {
                unchecked.add(manifest.kind() + " " + manifest.name());
                continue;
            }
            try {
                writer.write(manifest.object(), namespace, true);
            } catch (RuntimeException e) {
                throw new ManifestException(
                        "dry run of " + manifest.describe() + " failed, so nothing from " + folder + " was written;"
                                + " fix the object and deploy again: " + e.getMessage(),
                        e);
            }
        }
        if (!unchecked.isEmpty()) {
            events.emit("not dry-run, since their CustomResourceDefinition in " + folder + " is applied first: "
                    + String.join(", ", unchecked));
        }
        List<HasMetadata> applied = new ArrayList<>();
        for (Manifest manifest : manifests) {
            try {
                applied.add(writer.write(manifest.object(), namespace, false));
            } catch (RuntimeException e) {
                throw new ManifestException(
                        "applying " + manifest.describe() + " failed after " + applied.size() + " of "
                                + manifests.size() + " object(s) from " + folder + " were written; they stay, and"
                                + " applying the folder again is safe: " + e.getMessage(),
                        e);
            }
        }
        events.emit("applied " + applied.size() + " object(s) from " + folder + " to namespace " + namespace
                + " (server-side apply, field manager genesis, dry run passed first): "
                + manifests.stream().map(m -> m.kind() + " " + m.name()).collect(Collectors.joining(", ")));
        return applied;
    }

    private static boolean isDefinition(HasMetadata object) {
        return "CustomResourceDefinition".equals(object.getKind())
                && object.getApiVersion() != null
                && object.getApiVersion().startsWith("apiextensions.k8s.io/");
    }

    /** {@code group/Kind} of every kind a CustomResourceDefinition among {@code manifests} defines. */
    private Set<String> definedKinds(List<Manifest> manifests) {
        Set<String> kinds = new HashSet<>();
        for (Manifest manifest : manifests) {
            if (isDefinition(manifest.object())) {
                JsonNode spec = serialization
                        .convertValue(manifest.object(), JsonNode.class)
                        .path("spec");
                kinds.add(spec.path("group").asText() + "/"
                        + spec.path("names").path("kind").asText());
            }
        }
        return kinds;
    }

    private static String kindOf(HasMetadata object) {
        String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
        int slash = apiVersion.indexOf('/');
        return (slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + object.getKind();
    }

    /** The objects in {@code folder}, with images substituted, checked to belong in this namespace. */
    public List<Manifest> load(Path folder, ImageSubstitution images) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("manifest folder " + folder + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list manifest folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("manifest folder " + folder + " has no *.yaml or *.yml file");
        }
        List<Manifest> manifests = new ArrayList<>();
        Path inside = realFolder(folder);
        for (Path file : files) {
            requireInside(inside, folder, file);
            List<Document> documents = documents(file);
            if (documents.isEmpty()) {
                throw new IllegalArgumentException("manifest " + file + " holds no object (it is empty or only"
                        + " comments); fix: remove the file from the folder, or write the object in it");
            }
            for (Document document : documents) {
                manifests.add(new Manifest(
                        file, toObject("manifest " + file + ", line " + document.line(), document.node(), images)));
            }
        }
        return manifests;
    }

    /** One YAML document of a file, with the line it starts on. */
    private record Document(JsonNode node, int line) {}

    private HasMetadata toObject(String file, JsonNode document, ImageSubstitution images) {
        if (!document.isObject() || !document.hasNonNull("kind") || !document.hasNonNull("apiVersion")) {
            throw new IllegalArgumentException(file + ": a document without kind and apiVersion; fix: give every"
                    + " document of the file its kind and apiVersion");
        }
        JsonNode metadata = document.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": " + document.get("kind").asText() + " has no metadata.name");
        }
        String declared = metadata.path("namespace").asText("");
        if (!declared.isEmpty() && !declared.equals(namespace)) {
            throw new IllegalArgumentException(
                    file + ": " + document.get("kind").asText() + " " + name
                            + " names namespace '" + declared + "', but this environment deploys to '" + namespace
                            + "': remove metadata.namespace so that one manifest serves every environment");
        }
        substituteImages(document, images);
        HasMetadata object;
        try {
            object = serialization.unmarshal(document.toString(), HasMetadata.class);
        } catch (RuntimeException e) {
            // Deserialisation messages quote the value that did not fit, which may be a secret.
            throw new IllegalArgumentException(
                    file + ": " + document.get("kind").asText() + " " + name
                            + " does not match its kind's schema" + SchemaProblem.describe(e)
                            + "; fix the field there");
        }
        if (ClusterScope.isClusterScoped(object)) {
            if (!clusterScopedAllowed) {
                throw new IllegalArgumentException(file + ": " + object.getKind() + " " + name
                        + " is cluster-scoped: it would reach beyond namespace " + namespace + ", which this"
                        + " environment deploys to; remove it from the folder and apply it by hand, or let"
                        + " this target apply cluster-scoped objects with the setting allowClusterScoped: true");
            }
            return object;
        }
        object.getMetadata().setNamespace(namespace);
        return object;
    }

    private static Path realFolder(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read manifest folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Refuses {@code file} when it is a link whose target lies outside {@code inside}. */
    private static void requireInside(Path inside, Path folder, Path file) {
        if (!Files.isSymbolicLink(file)) {
            return;
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "manifest " + file + " is a link that leads nowhere ("
                            + e.getClass().getSimpleName() + "); fix: remove it from " + folder,
                    e);
        }
        if (!target.startsWith(inside)) {
            throw new IllegalArgumentException("manifest " + file.getFileName() + " in " + folder + " is a link that"
                    + " leads out of the folder; a manifest folder holds its own files only: copy the file in,"
                    + " or remove the link");
        }
    }

    /** Replaces images in every {@code containers} and {@code initContainers} list, wherever the kind keeps them. */
    static void substituteImages(JsonNode node, ImageSubstitution images) {
        if (node.isObject()) {
            for (String field : List.of("containers", "initContainers")) {
                JsonNode list = node.get(field);
                if (list != null && list.isArray()) {
                    for (JsonNode container : list) {
                        if (container.isObject() && container.hasNonNull("image")) {
                            ((ObjectNode) container)
                                    .put(
                                            "image",
                                            images.substitute(
                                                    container.get("image").asText()));
                        }
                    }
                }
            }
            node.elements().forEachRemaining(child -> substituteImages(child, images));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> substituteImages(child, images));
        }
    }

    private static List<Document> documents(Path file) {
        List<Document> documents = new ArrayList<>();
        YAMLParser parser = null;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("manifest " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes, more than the API server stores for the objects of one file; fix: point the"
                        + " target at the folder of the application's manifests");
            }
            parser = (YAMLParser)
                    YAML.getFactory().createParser(TextFiles.utf8(Files.readAllBytes(file), "manifest " + file));
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode document = YAML.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(new Document(document, line));
                }
            }
        } catch (TextFiles.BadText e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the line, which may be a password; neither it nor the exception goes on.
            String position = ParseProblem.position(e);
            if (position.isEmpty() && parser != null) {
                // A limit's exception knows no position; the parser does.
                position = "line " + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr();
            }
            throw new IllegalArgumentException("manifest " + file + " is not valid YAML"
                    + (position.isEmpty() ? "" : " (" + position + ")") + ": " + ParseProblem.problem(e)
                    + "; fix the file there");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused
                    && refused.getMessage().startsWith("manifest ")) {
                throw refused;
            }
            throw new IllegalArgumentException(
                    "manifest " + file + " cannot be read as YAML: " + ParseProblem.problem(e) + "; fix the file");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // Read to the end or refused already; nothing is left to say.
                }
            }
        }
        return documents;
    }
}
