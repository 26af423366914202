package io.genesis.benchmarks.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report sets the benchmarks read. {@link #FULL} is the size the performance goals name (about
 * 300 MB of Surefire XML plus a 100 MB JaCoCo report); the two smaller ones, a third and a ninth of
 * it, are there to show that reading time grows linearly with input size.
 */
public enum ReportSetSize {
    SMALL(300_000_000L / 9, 100_000_000L / 9),
    MEDIUM(300_000_000L / 3, 100_000_000L / 3),
    FULL(300_000_000L, 100_000_000L);

    private final long surefireBytes;
    private final long jacocoBytes;

    ReportSetSize(long surefireBytes, long jacocoBytes) {
        this.surefireBytes = surefireBytes;
        this.jacocoBytes = jacocoBytes;
    }

    /** The lower-case name used for the data folder and the JMH parameter. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many bytes of Surefire XML to write, at least (the last file may go a little past it). */
    public long surefireBytes() {
        return surefireBytes;
    }

    /** How many bytes of JaCoCo XML to write, at least. */
    public long jacocoBytes() {
        return jacocoBytes;
    }

    /** Looks a size up by name, case-insensitively; an unknown name fails with the known ones. */
    public static ReportSetSize named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(size -> size.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report set size '" + name + "'; known: "
                        + Arrays.stream(values()).map(ReportSetSize::label).collect(Collectors.joining(", "))));
    }
}
