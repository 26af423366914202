package io.genesis.core.history.indexed;

import java.nio.file.Path;

/**
 * The store's files in its directory.
 *
 * @param directory the store's directory
 */
record StoreFiles(Path directory) {

    /** The records, one JSON line each, appended in the order they were written. */
    Path data() {
        return directory.resolve("records.jsonl");
    }

    /** The indexes, which the store can always rebuild from the data. */
    Path indexes() {
        return directory.resolve("index");
    }

    /** Taken by every operation, shared by all processes using the store. */
    Path lock() {
        return directory.resolve("store.lock");
    }

    /** Present while the indexes are rebuilt: an index found with it is unfinished. */
    Path rebuilding() {
        return directory.resolve("index.rebuilding");
    }

    /** The lines of the data that could not be read, with why. */
    Path skipped() {
        return indexes().resolve("skipped.txt");
    }

    /** A compaction's new data file, before it replaces the old. */
    Path compacting() {
        return directory.resolve("records.jsonl.compacting");
    }

    /** Unreadable lines a compaction took out of the data, kept for people to look at. */
    Path unreadable() {
        return directory.resolve("unreadable.jsonl");
    }
}
