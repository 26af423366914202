package io.genesis.docker.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetException;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.EngineException;
import io.genesis.docker.engine.ImageInfo;
import io.genesis.docker.engine.ImageReference;
import io.genesis.docker.engine.RegistryAuth;
import io.genesis.docker.proxy.Haproxy;
import io.genesis.docker.proxy.ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts one container of a version: on the host network, told its port on 127.0.0.1 through the
 * port variable, restarted by the engine unless stopped (so an engine restart brings stable back), and
 * labelled with everything a later process needs; then registers it with the proxy at weight 0.
 */
final class ContainerLauncher {

    private final DeploymentKey key;
    private final DockerSettings settings;
    private final EngineClient engine;
    private final Haproxy proxy;
    private final RegistryAuth auth;
    private final Consumer<String> log;

    ContainerLauncher(
            DeploymentKey key,
            DockerSettings settings,
            EngineClient engine,
            Haproxy proxy,
            RegistryAuth auth,
            Consumer<String> log) {
        this.key = key;
        this.settings = settings;
        this.engine = engine;
        this.proxy = proxy;
        this.auth = auth;
        this.log = log;
    }

    /** What a new container runs and belongs to. */
    record Launch(
            String rollout,
            String version,
            String slot,
            int index,
            ImageInfo image,
            String strategy,
            String previousImage,
            String previousVersion,
            Map<String, String> more) {}

    /**
     * The image {@code reference} on the host, pulled first when it is not there (as {@code docker run}
     * does), with the registry's credentials from the docker configuration; the progress goes to the log.
     */
    ImageInfo image(String reference) {
        Optional<ImageInfo> present = engine.inspectImage(reference);
        if (present.isPresent()) {
            return present.get();
        }
        ImageReference image;
        try {
            image = ImageReference.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new TargetException("image " + reference + " is not on the Docker host " + engine.host()
                    + " and cannot be pulled: " + e.getMessage());
        }
        log.accept(
                "docker: image " + reference + " is not on " + engine.host() + "; pulling it from " + image.registry());
        Optional<String> header;
        try {
            header = auth.header(image.registry());
        } catch (IllegalArgumentException e) {
            throw new TargetException("cannot pull image " + reference + ": " + e.getMessage());
        }
        try {
            engine.pull(reference, header, progress -> progress(reference, progress));
        } catch (EngineException e) {
            throw new TargetException(
                    "cannot pull image " + reference + " from registry " + image.registry()
                            + ": " + e.getMessage() + " (" + auth.describe(image.registry())
                            + "); fix: check the image's"
                            + " name and tag and that the registry has it, or pull or build it on the host first",
                    e);
        }
        return engine.inspectImage(reference)
                .orElseThrow(() -> new TargetException("image " + reference + " was pulled but the Docker host "
                        + engine.host() + " does not know it by that name; pull or build it there first (docker"
                        + " pull " + reference + ")"));
    }

    /** Pull progress worth a line: per layer its end, and the digest and outcome; no download counters. */
    private void progress(String reference, JsonNode line) {
        String status = line.path("status").asText("");
        String id = line.path("id").asText("");
        if (status.startsWith("Digest:") || status.startsWith("Status:")) {
            log.accept("docker: pull " + reference + ": " + status);
        } else if (status.equals("Pull complete") || status.equals("Already exists")) {
            log.accept("docker: pull " + reference + ": layer " + id + " " + status.toLowerCase(Locale.ROOT));
        }
    }

    /** Starts the container of {@code launch}; one of the same rollout already there is kept. */
    void start(Launch launch, Set<Integer> portsInUse) {
        String name = key.application() + "-" + key.environment() + "-" + launch.slot() + "-" + launch.index();
        int port = freePort(portsInUse);
        ObjectNode body = engine.newBody();
        body.put("Image", launch.image().id());
        ArrayNode env = body.putArray("Env");
        env.add(settings.portVariable() + "=" + port);
        env.add("GENESIS_VERSION=" + launch.version());
        ObjectNode labels = body.putObject("Labels");
        Labels.of(key).forEach(labels::put);
        labels.put(Labels.SLOT, launch.slot());
        labels.put(Labels.VERSION, launch.version());
        labels.put(Labels.ROLLOUT, launch.rollout());
        labels.put(Labels.REPLICA, Integer.toString(launch.index()));
        labels.put(Labels.PORT, Integer.toString(port));
        labels.put(Labels.IMAGE, launch.image().reference());
        labels.put(Labels.IMAGE_DIGEST, launch.image().digest());
        labels.put(Labels.STRATEGY, launch.strategy());
        labels.put(Labels.PREVIOUS_IMAGE, launch.previousImage());
        labels.put(Labels.PREVIOUS_VERSION, launch.previousVersion());
        launch.more().forEach(labels::put);
        ObjectNode host = body.putObject("HostConfig");
        host.put("NetworkMode", "host");
        host.putObject("RestartPolicy").put("Name", "unless-stopped");
        body.put("StopTimeout", settings.stopGrace().toSeconds());
        String id;
        try {
            id = engine.createContainer(name, body);
        } catch (EngineException e) {
            if (e.status() != 409) {
                throw e;
            }
            var existing = engine.inspectContainer(name).orElseThrow(() -> e);
            if (launch.rollout().equals(existing.label(Labels.ROLLOUT))) {
                return;
            }
            // A container of an ended rollout holds the name: it takes no traffic (only idle ones are left).
            proxy.remove(name, settings.stopGrace());
            engine.removeContainer(existing.id());
            id = engine.createContainer(name, body);
        }
        if (proxy.servers().containsKey(name)) {
            proxy.remove(name, settings.stopGrace());
        }
        engine.startContainer(id);
        proxy.add(new ProxyServer(name, port, 0));
        portsInUse.add(port);
    }

    /**
     * A port on 127.0.0.1 free a moment ago and not given to another container of Genesis. Another
     * process could take it before the container binds it; the container then exits, which its health
     * reports at once.
     */
    private static int freePort(Set<Integer> portsInUse) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (!portsInUse.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new TargetException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        throw new TargetException("cannot find a free port on 127.0.0.1 after 20 attempts");
    }
}
