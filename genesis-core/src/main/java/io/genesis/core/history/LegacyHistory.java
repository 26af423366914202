package io.genesis.core.history;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the records of a single {@code history.jsonl} (how a Jenkins controller kept them before it
 * had an indexed store) into a store, once: every readable record is appended, oldest first, and the
 * file is then renamed to {@code history.jsonl.migrated} (kept, never deleted), so the next start finds
 * nothing to move. A crash halfway moves the records again at the next start, which replaces them
 * with themselves.
 */
public final class LegacyHistory {

    private LegacyHistory() {}

    /**
     * @return what was done, for the controller's log; empty when there was no file to move
     */
    public static Optional<String> migrate(Path file, HistoryStore into) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        JsonLinesHistoryStore.Contents contents = new JsonLinesHistoryStore(file).read();
        contents.records().forEach(into::append);
        Path kept = keptName(file);
        PrivateFiles.refuseLink(file);
        Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        List<String> lines = new ArrayList<>();
        lines.add("moved " + contents.records().size() + " deployment record"
                + (contents.records().size() == 1 ? "" : "s") + " from " + file + " into the indexed store; the old"
                + " file is kept as " + kept.getFileName());
        contents.problems().forEach(problem -> lines.add("  not moved: " + problem));
        return Optional.of(String.join("\n", lines));
    }

    private static Path keptName(Path file) {
        Path kept = file.resolveSibling(file.getFileName() + ".migrated");
        for (int n = 2; Files.exists(kept, LinkOption.NOFOLLOW_LINKS); n++) {
            kept = file.resolveSibling(file.getFileName() + ".migrated-" + n);
        }
        return kept;
    }
}
