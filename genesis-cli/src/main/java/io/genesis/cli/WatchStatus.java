package io.genesis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The running watches of a state directory, as {@code genesis status} shows them: key, version, since,
 * samples, open incidents and who runs them (or that nobody does yet, when a deploy registered the
 * watch and no {@code genesis serve} or {@code genesis monitor} has adopted it). It only reads.
 *
 * @param watches the watches that have not ended, oldest first
 * @param problems files that could not be read, each with why
 * @param now when the state was read, to tell a live claim from one that ran out
 */
record WatchStatus(List<WatchState> watches, List<String> problems, Instant now) {

    WatchStatus {
        watches = List.copyOf(watches);
        problems = List.copyOf(problems);
    }

    static WatchStatus of(StateDir dir, Instant now) {
        FileWatchStore store = new FileWatchStore(dir.watchDir());
        List<WatchState> running = store.list().stream().filter(w -> !w.ended()).toList();
        return new WatchStatus(running, store.problems(), now);
    }

    void print(PrintWriter out) {
        if (watches.isEmpty()) {
            out.println("watches: none running");
            return;
        }
        out.println("watches:");
        String format = "  %-22s  %-12s  %-11s  %-10s  %-20s  %7s  %-9s  %s%n";
        out.printf(
                Locale.ROOT,
                format,
                "WATCH",
                "APPLICATION",
                "ENVIRONMENT",
                "VERSION",
                "SINCE",
                "SAMPLES",
                "INCIDENTS",
                "OWNER");
        for (WatchState watch : watches) {
            out.printf(
                    Locale.ROOT,
                    format,
                    watch.id(),
                    watch.request().key().application(),
                    watch.request().key().environment(),
                    watch.request().version().value(),
                    RecordText.time(watch.startedAt()),
                    watch.sampling().run().samples(),
                    watch.openIncident()
                            .map(i ->
                                    "#" + i.number() + " " + i.severity().name().toLowerCase(Locale.ROOT))
                            .orElse("none"),
                    owner(watch) + (watch.stage() == WatchStage.ROLLING_BACK ? ", rolling back" : "") + ", until "
                            + RecordText.time(watch.endsAt()));
        }
    }

    void json(ArrayNode array) {
        for (WatchState watch : watches) {
            ObjectNode entry = array.addObject();
            entry.put("watch", watch.id().toString());
            entry.put("application", watch.request().key().application());
            entry.put("environment", watch.request().key().environment());
            entry.put("version", watch.request().version().value());
            entry.put("rollout", watch.request().rolloutId());
            entry.put("stage", watch.stage().name());
            entry.put("since", watch.startedAt().toString());
            entry.put("until", watch.endsAt().toString());
            entry.put("samples", watch.sampling().run().samples());
            entry.put("openIncidents", watch.openIncident().isPresent() ? 1 : 0);
            watch.openIncident()
                    .ifPresent(i -> entry.put(
                            "openIncident",
                            "#" + i.number() + " " + i.severity().name().toLowerCase(Locale.ROOT)));
            entry.put("owner", claimed(watch) ? watch.owner() : "");
        }
    }

    private boolean claimed(WatchState watch) {
        return now.isBefore(watch.leaseExpiresAt()) && !new EngineOwner(watch.owner()).certainlyEnded();
    }

    private String owner(WatchState watch) {
        if (!claimed(watch)) {
            return "run by nobody yet (start 'genesis serve' on this state directory)";
        }
        return "run by " + new EngineOwner(watch.owner()).describe();
    }
}
