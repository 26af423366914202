package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.indexed.IndexedHistoryStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobNamesTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({
        "shop/main#12, shop/main",
        "shop#3, shop",
        "a/b/c#1, a/b/c",
        "'', ''",
        "ci-run-7, ''",
        "#4, ''",
        "shop#12a, ''",
        "shop#, ''",
        "a#b#3, a#b"
    })
    void shouldNameTheJobOfABuild(String build, String job) {
        assertThat(JobNames.jobOf(build)).isEqualTo(job);
    }

    @ParameterizedTest
    @CsvSource({
        "shop/main#12, shop/main, true",
        "shop/main#12, shop, true",
        "shop/main#12, sho, false",
        "shopping#1, shop, false",
        "shop#1, shop/main, false",
        "'', shop, false"
    })
    void shouldTellWhetherABuildBelongsToAJobOrFolder(String build, String jobOrFolder, boolean within) {
        assertThat(JobNames.within(build, jobOrFolder)).isEqualTo(within);
    }

    @Test
    void shouldListAJobUnderItselfAndEveryFolderAboveIt() {
        assertThat(JobNames.jobAndFolders("a/b/c")).containsExactly("a/b/c", "a/b", "a");
        assertThat(JobNames.jobAndFolders("shop")).containsExactly("shop");
        assertThat(JobNames.jobAndFolders("")).containsExactly("");
    }

    @Test
    void shouldReadOnlyTheJobsOrFoldersRecordsFromEveryStore() {
        for (HistoryStore store : List.of(
                new InMemoryHistoryStore(),
                new JsonLinesHistoryStore(directory.resolve("history.jsonl")),
                new IndexedHistoryStore(directory.resolve("indexed")))) {
            store.append(HistoryStoreContract.withBuild(
                    HistoryStoreContract.record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1), "shop/main#1"));
            store.append(HistoryStoreContract.withBuild(
                    HistoryStoreContract.record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2), "cart#1"));
            store.append(HistoryStoreContract.withBuild(
                    HistoryStoreContract.record("r-3", "shop", "staging", RecordStatus.SUCCEEDED, 3), "shop/pr-1#1"));
            store.append(HistoryStoreContract.withBuild(
                    HistoryStoreContract.record("r-4", "shop", "staging", RecordStatus.SUCCEEDED, 4), "laptop run"));

            HistoryPage page = store.page(HistoryQuery.ofJob("shop", 10));

            assertThat(page.records()).extracting(DeploymentRecord::id).containsExactly("r-3", "r-1");
            assertThat(page.total()).isEqualTo(2);
            assertThat(store.all(HistoryQuery.ofJob("shop/main", 1)))
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-1");
            assertThat(store.page(HistoryQuery.newest(10).ofJob("")).records())
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-4");
        }
        assertThat(HistoryQuery.ofJob("shop", 10).next()).isEqualTo(new HistoryQuery(null, 10, 10, "shop"));
    }

    @ParameterizedTest
    @CsvSource({"' '", "/shop", "shop/", "shop#1"})
    void shouldRefuseAJobThatIsNoFullName(String job) {
        assertThatThrownBy(() -> HistoryQuery.ofJob(job, 10))
                .hasMessageStartingWith("history job must be a job's or folder's full name such as 'shop/main'")
                .hasMessageEndingWith("got '" + job + "'");
    }
}
