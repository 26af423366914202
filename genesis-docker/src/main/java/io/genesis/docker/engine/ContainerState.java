package io.genesis.docker.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine says about one container: its labels, whether it runs, how often it restarted, and
 * its {@code HEALTHCHECK} status when the image has one.
 *
 * @param id the container's id
 * @param name the container's name, without the leading slash
 * @param labels its labels
 * @param status {@code created}, {@code running}, {@code restarting}, {@code exited}, {@code dead}, ...
 * @param exitCode the exit code once it ended
 * @param restartCount how often the engine restarted it
 * @param health {@code starting}, {@code healthy} or {@code unhealthy}; empty without a HEALTHCHECK, or
 *     when only listed
 * @param error the engine's error for a container that could not start, else empty
 */
public record ContainerState(
        String id,
        String name,
        Map<String, String> labels,
        String status,
        int exitCode,
        int restartCount,
        Optional<String> health,
        String error) {

    public ContainerState {
        Objects.requireNonNull(id, "id");
        labels = Map.copyOf(labels);
        health = Objects.requireNonNull(health, "health");
        error = error == null ? "" : error;
    }

    public boolean running() {
        return "running".equals(status);
    }

    public String label(String key) {
        return labels.getOrDefault(key, "");
    }

    @Override
    public String toString() {
        return name + " (" + status + (running() ? "" : ", exit code " + exitCode) + ")";
    }
}
