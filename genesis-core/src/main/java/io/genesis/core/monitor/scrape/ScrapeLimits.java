package io.genesis.core.monitor.scrape;

/**
 * How much of an exposition a scrape reads before it refuses it: a {@code /metrics} endpoint is
 * input from the network, and a broken or hostile one must not exhaust the engine. The bounds match
 * Prometheus' own scrape limits in spirit ({@code body_size_limit}, {@code sample_limit},
 * {@code label_limit}).
 *
 * @param maxBytes the largest body read, in bytes
 * @param maxLineChars the longest line, in characters
 * @param maxSeries the most sample lines
 * @param maxLabels the most labels on one sample
 */
public record ScrapeLimits(long maxBytes, int maxLineChars, int maxSeries, int maxLabels) {

    /** 32 MiB, 64 Ki characters per line, 500 000 samples, 64 labels: far beyond a sane exporter. */
    public static final ScrapeLimits DEFAULTS = new ScrapeLimits(32L << 20, 64 << 10, 500_000, 64);

    public ScrapeLimits {
        if (maxBytes < 1 || maxLineChars < 1 || maxSeries < 1 || maxLabels < 1) {
            throw new IllegalArgumentException("scrape limits must all be at least 1, got " + maxBytes + " bytes, "
                    + maxLineChars + " characters per line, " + maxSeries + " series, " + maxLabels + " labels");
        }
    }

    /** These limits with another body size, such as a source's {@code maxBytes} setting. */
    public ScrapeLimits withMaxBytes(long bytes) {
        return new ScrapeLimits(bytes, maxLineChars, maxSeries, maxLabels);
    }
}
