package io.genesis.core.gate;

/**
 * How much of a report file Genesis agrees to read. Reports come from the build workspace, which a
 * pull request can fill with anything; these bounds keep a hostile or broken file from exhausting
 * memory.
 *
 * @param maxFileBytes the largest report file, in bytes
 * @param maxTokenBytes the longest stretch of a file without a {@code <}, in bytes; XML forbids
 *     {@code <} inside attribute values, so this bounds every tag and attribute the parser must hold
 *     in memory, while long texts and stack traces are skipped without being held
 * @param maxDepth the deepest element nesting
 */
public record ReadLimits(long maxFileBytes, long maxTokenBytes, int maxDepth) {

    /** 2 GiB per file, 16 MiB per tag, 256 levels: far beyond any real report. */
    public static final ReadLimits DEFAULT = new ReadLimits(2L << 30, 16L << 20, 256);

    public ReadLimits {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
        }
        if (maxTokenBytes <= 0) {
            throw new IllegalArgumentException("maxTokenBytes must be positive, got " + maxTokenBytes);
        }
        if (maxDepth <= 0) {
            throw new IllegalArgumentException("maxDepth must be positive, got " + maxDepth);
        }
    }
}
