package io.genesis.docker.target;

import io.genesis.core.target.Health;
import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.engine.EngineClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The health of a version's containers: a container that is not running or has been restarted is
 * unhealthy at once (waiting will not help); then the image's {@code HEALTHCHECK} as the engine reports
 * it, or, for images without one, the HTTP health check: {@code GET http://127.0.0.1:<port><path>}
 * answering 200.
 */
final class ContainerHealth {

    private static final Duration PROBE = Duration.ofSeconds(2);

    private final EngineClient engine;
    private final HttpClient http;
    private final String path;

    ContainerHealth(EngineClient engine, HttpClient http, String path) {
        this.engine = engine;
        this.http = http;
        this.path = path;
    }

    /** The health of all {@code replicas}, as one verdict naming the first that is not ready. */
    Health of(List<Replica> replicas, String what) {
        if (replicas.isEmpty()) {
            return Health.unhealthy("no container of " + what + " exists on the Docker host");
        }
        int ready = 0;
        String waiting = "";
        for (Replica replica : replicas) {
            Health one = of(replica, what);
            if (one.state() == Health.State.UNHEALTHY) {
                return one;
            }
            if (one.isHealthy()) {
                ready++;
            } else {
                waiting = one.message();
            }
        }
        String count = ready + " of " + replicas.size() + " containers of " + what + " ready";
        return ready == replicas.size() ? Health.healthy(count) : Health.progressing(count + " (" + waiting + ")");
    }

    /** The health of one container: unhealthy at once when it is not running or restarted. */
    Health of(Replica replica, String what) {
        ContainerState state = engine.inspectContainer(replica.container().id()).orElse(null);
        if (state == null) {
            return Health.unhealthy("container " + replica.name() + " of " + what + " was removed");
        }
        if (!state.running() || state.restartCount() > 0) {
            return Health.unhealthy("container " + replica.name() + " of " + what + " is " + state.status()
                    + (state.restartCount() > 0 ? " after " + state.restartCount() + " restart(s)" : "")
                    + " (exit code " + state.exitCode() + (state.error().isEmpty() ? "" : ", " + state.error())
                    + "): see docker logs " + replica.name());
        }
        if (state.health().isPresent()) {
            String status = state.health().get();
            if (status.equals("unhealthy")) {
                return Health.unhealthy("container " + replica.name() + " of " + what
                        + ": its image's HEALTHCHECK reports unhealthy (docker inspect " + replica.name() + ")");
            }
            return status.equals("healthy")
                    ? Health.healthy(replica.name() + " ready")
                    : Health.progressing(replica.name() + ": HEALTHCHECK " + status);
        }
        String answer = probe(replica.port());
        return answer.isEmpty()
                ? Health.healthy(replica.name() + " ready")
                : Health.progressing(replica.name() + ": " + answer);
    }

    /** The HTTP health check of every replica, bypassing the proxy: any answer but 200 fails it. */
    Health smoke(List<Replica> replicas, String what) {
        if (replicas.isEmpty()) {
            return Health.unhealthy("no container of " + what + " exists on the Docker host");
        }
        for (Replica replica : replicas) {
            String answer = probe(replica.port());
            if (!answer.isEmpty()) {
                return Health.unhealthy("smoke check of " + replica.name() + " failed: " + answer);
            }
        }
        return Health.healthy("GET " + path + " answered 200 on all " + replicas.size() + " containers of " + what);
    }

    /** Empty when {@code GET path} on the port answers 200, else what happened. */
    private String probe(int port) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(PROBE).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "" : "GET " + uri + " answered " + response.statusCode();
        } catch (IOException e) {
            return "GET " + uri + " failed (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET " + uri + " interrupted";
        }
    }
}
