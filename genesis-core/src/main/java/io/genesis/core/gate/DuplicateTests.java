package io.genesis.core.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * Tests a report set listed more than once, and counted once. pytest writes a second testcase for a
 * test whose body failed and whose teardown then errored; a report copied into two folders both
 * matched by the pattern lists all its tests twice.
 *
 * @param count how many listings were extra (a test listed three times adds two)
 * @param first the first test found listed again, as {@code class.name in file}, when there was one
 */
public record DuplicateTests(long count, Optional<String> first) {

    public static final DuplicateTests NONE = new DuplicateTests(0, Optional.empty());

    public DuplicateTests {
        Objects.requireNonNull(first, "first");
        if (count < 0 || (count == 0) != first.isEmpty()) {
            throw new IllegalArgumentException(
                    "duplicate tests need a first example exactly when there are some, got " + count + " and " + first);
        }
    }

    /** Both counts; the first example of this one if it has one. */
    public DuplicateTests plus(DuplicateTests other) {
        return new DuplicateTests(Math.addExact(count, other.count), first.isPresent() ? first : other.first);
    }
}
