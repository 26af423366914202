package io.genesis.kubernetes.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The values something observed after each wake-up went through, each kept once when it changed,
 * so a test can check the steps of a rollout without pinning how many wake-ups each took.
 *
 * @param <T> what is observed
 */
public final class Changes<T> {

    private final List<T> values = new ArrayList<>();

    /** Keeps {@code value} if it differs from the last one kept; null (nothing to see yet) is skipped. */
    public void see(T value) {
        if (value != null && (values.isEmpty() || !Objects.equals(values.get(values.size() - 1), value))) {
            values.add(value);
        }
    }

    /** The values kept, oldest first. */
    public List<T> values() {
        return List.copyOf(values);
    }
}
