package io.genesis.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One object of a manifest folder and the file it came from, so that every refusal and failure can
 * say where to look.
 *
 * @param file the YAML file that holds the object
 * @param object the object, images already substituted and namespace set
 */
public record Manifest(Path file, HasMetadata object) {

    public Manifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
    }

    public String kind() {
        return object.getKind();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    /** Whether this is the object of {@code kind} named {@code name}. */
    public boolean is(String kind, String name) {
        return kind.equals(kind()) && name.equals(name());
    }

    /** {@code Deployment shop (from manifests/20-app.yaml)}: the object and where it is written. */
    public String describe() {
        return kind() + " " + name() + " (from " + file + ")";
    }

    /** The same object from the same file, replaced by {@code changed}. */
    public Manifest with(HasMetadata changed) {
        return new Manifest(file, changed);
    }
}
