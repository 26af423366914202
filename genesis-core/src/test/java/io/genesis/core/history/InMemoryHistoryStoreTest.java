package io.genesis.core.history;

class InMemoryHistoryStoreTest extends HistoryStoreContract {

    @Override
    HistoryStore store() {
        return new InMemoryHistoryStore();
    }
}
