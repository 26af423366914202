package io.genesis.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few Docker Engine API calls Genesis makes: containers (create, start, stop, remove, list by label,
 * inspect) and images (inspect, pull, tag, build from a tar context; push and remove for the tests' registry). Paths carry no API version, so the engine
 * answers in its own, current version; the fields read here are stable across versions.
 */
public final class EngineClient {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final Duration SLOW_CALL = Duration.ofMinutes(5);
    private static final ObjectMapper READER = new ObjectMapper();

    private final DockerHost host;
    private final HttpOverSocket http;
    private final ObjectMapper json = new ObjectMapper();

    public EngineClient(DockerHost host) {
        this(host, List.of("ssh"));
    }

    /**
     * @param host the engine's address
     * @param ssh the ssh command for {@code ssh://} hosts, such as {@code [ssh]} or {@code [ssh, -F, file]}
     */
    public EngineClient(DockerHost host, List<String> ssh) {
        if (ssh.isEmpty()) {
            throw new IllegalArgumentException("the ssh command is empty: name the ssh program, such as ssh");
        }
        this.host = host;
        this.http = new HttpOverSocket(host, List.copyOf(ssh));
    }

    public DockerHost host() {
        return host;
    }

    /** The engine's version, such as {@code 20.10.24+dfsg1}; fails when it cannot be reached. */
    public String version() {
        return call("GET", "/version", null, CALL, "read the engine's version")
                .path("Version")
                .asText("?");
    }

    /** The image's id and its repository digests, if the engine has it. */
    public Optional<ImageInfo> inspectImage(String reference) {
        return optional("GET", "/images/" + reference + "/json", "inspect image " + reference)
                .map(node -> {
                    List<String> digests = new ArrayList<>();
                    node.path("RepoDigests").forEach(d -> digests.add(d.asText()));
                    boolean healthcheck =
                            node.path("Config").path("Healthcheck").path("Test").size() > 0
                                    && !"NONE"
                                            .equals(node.path("Config")
                                                    .path("Healthcheck")
                                                    .path("Test")
                                                    .path(0)
                                                    .asText());
                    return new ImageInfo(reference, node.path("Id").asText(), digests, healthcheck);
                });
    }

    /** Creates a container named {@code name} from {@code body} (the Engine API's create body); returns its id. */
    public String createContainer(String name, ObjectNode body) {
        return call("POST", "/containers/create?name=" + encode(name), body, CALL, "create container " + name)
                .path("Id")
                .asText();
    }

    public void startContainer(String id) {
        call("POST", "/containers/" + id + "/start", null, CALL, "start container " + id);
    }

    /** Stops the container (SIGTERM, then SIGKILL after {@code grace}); one already stopped or gone is fine. */
    public void stopContainer(String id, Duration grace) {
        Duration timeout = CALL.plus(grace);
        try {
            call("POST", "/containers/" + id + "/stop?t=" + grace.toSeconds(), null, timeout, "stop container " + id);
        } catch (EngineException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** Removes the container and its anonymous volumes, stopping it first; one already gone is fine. */
    public void removeContainer(String id) {
        try {
            call("DELETE", "/containers/" + id + "?force=true&v=true", null, CALL, "remove container " + id);
        } catch (EngineException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** Every container, running or not, carrying all of {@code labels}. */
    public List<ContainerState> listContainers(Map<String, String> labels) {
        ObjectNode filters = json.createObjectNode();
        var label = filters.putArray("label");
        labels.forEach((key, value) -> label.add(key + "=" + value));
        JsonNode list = call(
                "GET",
                "/containers/json?all=true&filters=" + encode(filters.toString()),
                null,
                CALL,
                "list containers labelled " + labels);
        List<ContainerState> containers = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("Names").path(0).asText("");
            containers.add(new ContainerState(
                    node.path("Id").asText(),
                    name.startsWith("/") ? name.substring(1) : name,
                    labels(node.path("Labels")),
                    node.path("State").asText(""),
                    0,
                    0,
                    Optional.empty(),
                    ""));
        }
        return containers;
    }

    /** The container's full state, if it exists. */
    public Optional<ContainerState> inspectContainer(String id) {
        return optional("GET", "/containers/" + id + "/json", "inspect container " + id)
                .map(node -> {
                    JsonNode state = node.path("State");
                    String name = node.path("Name").asText("");
                    JsonNode health = state.path("Health").path("Status");
                    return new ContainerState(
                            node.path("Id").asText(),
                            name.startsWith("/") ? name.substring(1) : name,
                            labels(node.path("Config").path("Labels")),
                            state.path("Status").asText(""),
                            state.path("ExitCode").asInt(),
                            node.path("RestartCount").asInt(),
                            health.isMissingNode() || health.asText().isEmpty()
                                    ? Optional.empty()
                                    : Optional.of(health.asText()),
                            state.path("Error").asText(""));
                });
    }

    /** Gives the image {@code reference} the name {@code repository:tag}. */
    public void tagImage(String reference, String repository, String tag) {
        call(
                "POST",
                "/images/" + reference + "/tag?repo=" + encode(repository) + "&tag=" + encode(tag),
                null,
                CALL,
                "tag image " + reference);
    }

    /**
     * Builds an image from a tar context holding a Dockerfile (no registry is needed when it starts
     * {@code FROM scratch} or from a local image), and names it {@code tag}.
     */
    public void build(byte[] tarContext, String tag) {
        HttpOverSocket.Answer answer = send(
                "POST",
                "/build?rm=true&forcerm=true&networkmode=none&t=" + encode(tag),
                "application/x-tar",
                tarContext,
                SLOW_CALL,
                "build image " + tag);
        check(answer, "build image " + tag);
        // The build streams progress as JSON lines; a failed step is a line with "error", status 200.
        for (String line : answer.text().split("\n")) {
            if (line.contains("\"error\"")) {
                throw new EngineException("build image " + tag + ": " + line.trim(), 500);
            }
        }
    }

    /**
     * Pulls {@code reference} ({@code POST /images/create}), sending {@code auth} as the
     * {@code X-Registry-Auth} header when given (never logged), and hands each line of the engine's progress
     * to {@code progress} as JSON. A reference without tag or digest pulls {@code latest}, as the docker command
     * does, never every tag.
     *
     * @throws EngineException naming the image and the engine's or the registry's answer
     */
    public void pull(String reference, Optional<String> auth, Consumer<JsonNode> progress) {
        ImageReference image = ImageReference.parse(reference);
        String path = "/images/create?fromImage=" + encode(image.repository()) + "&tag=" + encode(image.tagOrDigest());
        streamed("POST", path, auth, progress, "pull image " + reference);
    }

    /** Pushes {@code reference} to its registry, with {@code auth} as for {@link #pull}. */
    public void push(String reference, Optional<String> auth, Consumer<JsonNode> progress) {
        ImageReference image = ImageReference.parse(reference);
        String path = "/images/" + image.repository() + "/push?tag=" + encode(image.tagOrDigest());
        streamed("POST", path, auth, progress, "push image " + reference);
    }

    /** Removes the image name {@code reference} (and the image when no other name holds it). */
    public void removeImage(String reference) {
        try {
            call("DELETE", "/images/" + reference, null, CALL, "remove image " + reference);
        } catch (EngineException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    private void streamed(String method, String path, Optional<String> auth, Consumer<JsonNode> progress, String what) {
        Map<String, String> headers =
                auth.map(value -> Map.of("X-Registry-Auth", value)).orElse(Map.of());
        List<String> errors = new ArrayList<>();
        HttpOverSocket.Answer answer;
        try {
            answer = http.exchange(new HttpOverSocket.Request(method, path, headers, null, null), SLOW_CALL, line -> {
                if (line.isBlank()) {
                    return;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    return;
                }
                // A failure after the 200 header comes as a line with "error", as for a build.
                if (node.hasNonNull("error")) {
                    errors.add(node.path("error").asText());
                } else {
                    progress.accept(node);
                }
            });
        } catch (IOException e) {
            throw new EngineException(
                    what + ": the Docker engine at " + host + " did not answer (" + e.getMessage()
                            + "); check that dockerd runs and that DOCKER_HOST names its socket",
                    e);
        }
        check(answer, what);
        if (!errors.isEmpty()) {
            throw new EngineException(what + ": the Docker engine answered " + String.join("; ", errors), 500);
        }
    }

    private Optional<JsonNode> optional(String method, String path, String what) {
        HttpOverSocket.Answer answer = send(method, path, null, null, CALL, what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        check(answer, what);
        return Optional.of(parse(answer, what));
    }

    private JsonNode call(String method, String path, JsonNode body, Duration timeout, String what) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpOverSocket.Answer answer = send(method, path, "application/json", bytes, timeout, what);
        check(answer, what);
        return answer.body().length == 0 ? json.createObjectNode() : parse(answer, what);
    }

    private HttpOverSocket.Answer send(
            String method, String path, String contentType, byte[] body, Duration timeout, String what) {
        try {
            return http.exchange(method, path, contentType, body, timeout);
        } catch (IOException e) {
            throw new EngineException(
                    what + ": the Docker engine at " + host + " did not answer (" + e.getMessage()
                            + "); check that dockerd runs and that DOCKER_HOST names its socket",
                    e);
        }
    }

    private static void check(HttpOverSocket.Answer answer, String what) {
        if (answer.status() >= 200 && answer.status() < 300 || answer.status() == 304) {
            return;
        }
        String message = answer.text().trim();
        try {
            JsonNode node = READER.readTree(message);
            if (node != null && node.hasNonNull("message")) {
                message = node.path("message").asText();
            }
        } catch (IOException e) {
            // Not JSON: the answer is quoted as it is.
        }
        throw new EngineException(
                what + ": the Docker engine answered " + answer.status() + " (" + message + ")", answer.status());
    }

    private JsonNode parse(HttpOverSocket.Answer answer, String what) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new EngineException(what + ": the Docker engine's answer is not JSON (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields()
                .forEachRemaining(
                        entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Creates the JSON of a create-container body. */
    public ObjectNode newBody() {
        return json.createObjectNode();
    }
}
