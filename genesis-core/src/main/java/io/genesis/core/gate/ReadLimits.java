package io.genesis.core.gate;

/**
 * How much of a report file Genesis agrees to read. Reports come from the build workspace, which a
 * pull request can fill with anything; these bounds keep a hostile or broken file from exhausting
 * memory.
 *
 * @param maxFileBytes the largest report file, in bytes
 * @param maxTokenBytes the longest tag (with all its attributes), declaration or processing
 *     instruction, in bytes: what the parser must hold in memory; text, CDATA (stack traces, test
 *     output) and comments are skipped without being held, so they are not bounded by it
 * @param maxDepth the deepest element nesting
 * @param maxTests the most distinct tests in one report set; each costs 8 to 16 bytes of memory
 *     while the set is read, because a test listed twice must be recognised to be counted once
 */
public record ReadLimits(long maxFileBytes, long maxTokenBytes, int maxDepth, long maxTests) {

    /** The default number of distinct tests per report set: 8 MB of keys at most. */
    public static final long DEFAULT_MAX_TESTS = 750_000;

    /** 2 GiB per file, 1 MiB per tag, 256 levels, 750 000 tests: far beyond any real report. */
    public static final ReadLimits DEFAULT = new ReadLimits(2L << 30, 1L << 20, 256, DEFAULT_MAX_TESTS);

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
        if (maxTests <= 0) {
            throw new IllegalArgumentException("maxTests must be positive, got " + maxTests);
        }
    }

    /** These limits with the default number of tests. */
    public ReadLimits(long maxFileBytes, long maxTokenBytes, int maxDepth) {
        this(maxFileBytes, maxTokenBytes, maxDepth, DEFAULT_MAX_TESTS);
    }
}
