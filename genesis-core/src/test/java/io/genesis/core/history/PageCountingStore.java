package io.genesis.core.history;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another store seen only through {@link HistoryStore#page}, remembering each page asked for: what a
 * reader costs, in pages, and the interface's own default answers (page after page) over any store.
 */
public final class PageCountingStore implements HistoryStore {

    private final HistoryStore store;
    private final List<HistoryQuery> asked = new CopyOnWriteArrayList<>();

    public PageCountingStore(HistoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void append(DeploymentRecord record) {
        store.append(record);
    }

    @Override
    public HistoryPage page(HistoryQuery query) {
        asked.add(query);
        return store.page(query);
    }

    /** The pages asked for since this store was made or last {@link #forget forgot}, in order. */
    public List<HistoryQuery> asked() {
        return List.copyOf(asked);
    }

    /** Forgets the pages asked for so far. */
    public void forget() {
        asked.clear();
    }
}
