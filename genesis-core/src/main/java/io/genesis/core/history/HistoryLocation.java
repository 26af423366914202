package io.genesis.core.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the command line keeps an environment's deployment records ({@code history:} in genesis.yaml). */
public enum HistoryLocation {
    /** The JSON-lines file of the state directory: one machine's records (the default). */
    FILE("file"),
    /**
     * ConfigMaps in the namespace of the environment's Kubernetes target: every machine that reaches
     * the cluster sees the same records.
     */
    CLUSTER("cluster");

    private final String key;

    HistoryLocation(String key) {
        this.key = key;
    }

    /** The word used in genesis.yaml. */
    public String key() {
        return key;
    }

    /**
     * The location called {@code word}.
     *
     * @throws IllegalArgumentException naming the word and the known ones
     */
    public static HistoryLocation parse(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(location -> location.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("history must be one of "
                        + Arrays.stream(values()).map(HistoryLocation::key).collect(Collectors.joining(", "))
                        + ", got '" + word + "'"));
    }
}
