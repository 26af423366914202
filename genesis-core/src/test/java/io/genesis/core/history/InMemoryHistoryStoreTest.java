package io.genesis.core.history;

class InMemoryHistoryStoreTest extends HistoryStoreContract {

    @Override
    protected HistoryStore store() {
        return new InMemoryHistoryStore();
    }
}
