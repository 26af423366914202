package io.genesis.kubernetes.adapter;

import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.manifest.ImageSubstitution;
import io.genesis.kubernetes.manifest.Manifest;
import io.genesis.kubernetes.manifest.ManifestApplier;
import io.genesis.kubernetes.strategy.Release;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The manifest folder of a target (setting {@code manifests}): applied for each release with the
 * release's image substituted, once the strategy has admitted its objects, and before the strategy
 * deploys the candidate.
 */
final class ManifestFolder {

    private final Path folder;
    private final ManifestApplier applier;
    private final EventSink events;

    ManifestFolder(Path folder, ManifestApplier applier, EventSink events) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Loads the folder, lets {@code admit} refuse or complete its objects, then dry-runs them all
     * and applies them. Any failure before the writes leaves the cluster as it was.
     */
    void apply(Release release, UnaryOperator<List<Manifest>> admit) {
        List<Manifest> loaded = applier.load(folder, ImageSubstitution.of(release.image()));
        applier.apply(folder, admit.apply(loaded));
    }

    /** Says what a rollback did not undo: the objects applied from the folder. */
    void keptOnRollback(String target) {
        // Server-side apply keeps no earlier copy, and the stable version reads these objects too.
        events.emit(target + ": objects applied from " + folder + " stay as they were applied (the stable version"
                + " shares them, and no earlier copy is kept); to restore earlier ones, deploy the previous version"
                + " with its manifests");
    }
}
