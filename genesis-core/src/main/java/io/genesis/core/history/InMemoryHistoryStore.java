package io.genesis.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records in memory, for simulations and dry runs that must leave nothing behind. */
public final class InMemoryHistoryStore implements HistoryStore {

    private final Map<String, DeploymentRecord> byId = new LinkedHashMap<>();

    @Override
    public synchronized void append(DeploymentRecord record) {
        byId.remove(record.id());
        byId.put(record.id(), record);
    }

    @Override
    public synchronized HistoryPage page(HistoryQuery query) {
        List<DeploymentRecord> matching = new ArrayList<>();
        for (DeploymentRecord record : byId.values()) {
            if (query.matches(record)) {
                matching.add(record);
            }
        }
        Collections.reverse(matching);
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new HistoryPage(matching.subList(from, to), matching.size(), List.of());
    }
}
