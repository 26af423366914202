package io.genesis.cli;

import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordTransfer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code genesis history --export FILE} and {@code --import FILE}: the history as JSON lines. */
final class HistoryTransfer {

    private HistoryTransfer() {}

    static int run(HistoryStore store, Path export, Path importFrom, PrintWriter out, PrintWriter err) {
        if (export != null && importFrom != null) {
            err.println("genesis history: give --export or --import, not both");
            return ExitCode.USAGE.code();
        }
        try {
            if (export != null) {
                int count = RecordTransfer.export(store, export);
                out.println(
                        "genesis history: exported " + count + " record" + (count == 1 ? "" : "s") + " to " + export);
            } else {
                int count = RecordTransfer.importInto(importFrom, store);
                out.println("genesis history: imported " + count + " record" + (count == 1 ? "" : "s") + " from "
                        + importFrom);
            }
            return ExitCode.PASSED.code();
        } catch (IOException | IllegalArgumentException e) {
            err.println("genesis history: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
    }
}
