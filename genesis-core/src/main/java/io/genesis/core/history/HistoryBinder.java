package io.genesis.core.history;

import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.policy.PolicyKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an environment's {@code history:} key: {@code file} (the default) or {@code cluster}. Only a
 * trusted source may set it for a protected environment ({@link io.genesis.core.policy.CheckoutPolicy}).
 */
public final class HistoryBinder {

    private HistoryBinder() {}

    /** Where {@code entry} keeps its records; {@link HistoryLocation#FILE} when it does not say. */
    public static HistoryLocation location(PolicyEntry entry) {
        return entry.text(PolicyKey.HISTORY)
                .map(word -> {
                    try {
                        return HistoryLocation.parse(word);
                    } catch (IllegalArgumentException e) {
                        throw entry.refusal(
                                PolicyKey.HISTORY, e.getMessage() + "; fix: write " + PolicyKey.HISTORY.example());
                    }
                })
                .orElse(HistoryLocation.FILE);
    }

    /**
     * The locations {@code entries} set, by environment name, later entries overriding earlier ones (a
     * checkout's after the trusted file's); environments that do not say are left out.
     *
     * @throws PolicyException naming the entry, the value and the fix
     */
    public static Map<String, HistoryLocation> locations(List<PolicyEntry> entries) {
        Map<String, HistoryLocation> locations = new LinkedHashMap<>();
        for (PolicyEntry entry : entries) {
            if (entry.has(PolicyKey.HISTORY)) {
                locations.put(entry.name(), location(entry));
            }
        }
        return locations;
    }
}
