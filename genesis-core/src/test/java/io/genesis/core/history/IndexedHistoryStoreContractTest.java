package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.indexed.IndexedHistoryStore;
import io.genesis.core.target.DeploymentKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexed store keeps the contract of every store, and filters by job as the other stores do. */
class IndexedHistoryStoreContractTest extends HistoryStoreContract {

    @TempDir
    Path directory;

    @Override
    protected HistoryStore store() {
        return new IndexedHistoryStore(directory.resolve("history"));
    }

    @Test
    void shouldFilterByJobLikeTheFileAndMemoryStores() {
        for (HistoryStore store : new HistoryStore[] {
            store(), new JsonLinesHistoryStore(directory.resolve("h.jsonl")), new InMemoryHistoryStore()
        }) {
            store.append(withBuild(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1), "shop/main#1"));
            store.append(withBuild(record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2), "shop/feature#7"));
            store.append(withBuild(record("r-3", "cart", "staging", RecordStatus.SUCCEEDED, 3), "shop/main#2"));
            store.append(withBuild(record("r-4", "shop", "staging", RecordStatus.FAILED, 4), "by hand"));

            DeploymentKey shop = new DeploymentKey("shop", "staging");
            assertThat(store.page(HistoryQuery.of(shop, 10).ofJob("shop/main")).records())
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-1");
            assertThat(store.page(HistoryQuery.newest(10).ofJob("shop/main")).records())
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-3", "r-1");
            assertThat(store.page(HistoryQuery.of(shop, 10).ofJob("")).records())
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-4");
            assertThat(store.all(HistoryQuery.of(shop, 1).ofJob("shop/feature")))
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-2");
            assertThat(store.page(HistoryQuery.of(shop, 10)).total()).isEqualTo(3);
        }
    }

    @Test
    void shouldNameTheJobOfAJenkinsBuildOnly() {
        assertThat(JobNames.jobOf("folder/shop/main#42")).isEqualTo("folder/shop/main");
        assertThat(JobNames.jobOf("a#b#3")).isEqualTo("a#b");
        assertThat(JobNames.jobOf("https://ci.example.com/job/shop/42/")).isEmpty();
        assertThat(JobNames.jobOf("shop#")).isEmpty();
        assertThat(JobNames.jobOf("#3")).isEmpty();
        assertThat(JobNames.jobOf("shop#12a")).isEmpty();
        assertThat(JobNames.jobOf("")).isEmpty();
    }
}
