package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryLocation;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environments;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.connect.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoresTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    private static DeploymentRecord record(String id, String environment, int minute) {
        return new DeploymentRecord(
                id,
                "shop",
                environment,
                "1.0." + minute,
                "a1b2c3d",
                "branch main",
                "",
                "rolling",
                "bob",
                "test",
                T0.plus(Duration.ofMinutes(minute)),
                T0.plus(Duration.ofMinutes(minute + 1)),
                RecordStatus.SUCCEEDED,
                "done",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldSendEachRecordToItsEnvironmentsStoreAndReadThemMergedByWhenTheyEnded() {
        StateDir state = new StateDir(dir.resolve("state"));
        InMemoryHistoryStore cluster = new InMemoryHistoryStore();
        HistoryStores stores = new HistoryStores(state.history(), Map.of("production", cluster));

        stores.append(record("r-1", "staging", 1));
        stores.append(record("r-2", "production", 2));
        stores.append(record("r-3", "staging", 3));

        assertThat(state.history().read().records())
                .extracting(DeploymentRecord::id)
                .containsExactly("r-1", "r-3");
        assertThat(cluster.all(HistoryQuery.newest(10)))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-2");
        HistoryPage all = stores.page(HistoryQuery.newest(2));
        assertThat(all.records()).extracting(DeploymentRecord::id).containsExactly("r-3", "r-2");
        assertThat(all.total()).isEqualTo(3);
        assertThat(stores.page(HistoryQuery.of(new DeploymentKey("shop", "production"), 10))
                        .records())
                .extracting(DeploymentRecord::id)
                .containsExactly("r-2");
        assertThat(stores.find("r-2")).isPresent();
        assertThat(stores.inCluster("production")).isTrue();
        assertThat(stores.inCluster("staging")).isFalse();
    }

    @Test
    void shouldMergeTheClustersRecordsIntoWhatTheStateDirectoryRead() {
        StateDir state = new StateDir(dir.resolve("state"));
        InMemoryHistoryStore cluster = new InMemoryHistoryStore();
        cluster.append(record("r-2", "production", 2));
        StateReading fromDirectory =
                new StateReading(List.of(record("r-1", "staging", 1)), List.of(), List.of("a torn line"));

        StateReading merged = new HistoryStores(state.history(), Map.of("production", cluster)).over(fromDirectory);

        assertThat(merged.records()).extracting(DeploymentRecord::id).containsExactly("r-1", "r-2");
        assertThat(merged.problems()).containsExactly("a torn line");
        assertThat(HistoryStores.fileOnly(state).over(fromDirectory)).isSameAs(fromDirectory);
    }

    @Test
    void shouldSayWhatAClusterHistoryLacksAndHowToFixIt() {
        StateDir state = new StateDir(dir.resolve("state"));
        TargetKinds kinds = new TargetKinds(List.of(
                new KubernetesKind(new KubernetesAccess(Map.of(), dir, dir), ClientSettings.DEFAULT),
                new RecordingKind()));
        Map<String, HistoryLocation> cluster = Map.of("staging", HistoryLocation.CLUSTER);

        assertThatThrownBy(() -> HistoryStores.of(
                        state, new ConfigFile.Contents(Environments.defaults(), Map.of()), cluster, kinds))
                .isInstanceOf(ConfigException.class)
                .hasMessage("staging keeps its records in the cluster (history: cluster), but names no target; fix:"
                        + " add a kubernetes target: block to staging, or write history: file");
        assertThatThrownBy(() -> HistoryStores.of(state, contents("recording", Map.of()), cluster, kinds))
                .isInstanceOf(ConfigException.class)
                .hasMessage("genesis.yaml: environments[0] (staging) target: history: cluster keeps the records with"
                        + " the target, and a recording target keeps none; fix: write history: file, or deploy"
                        + " staging to kubernetes");
        assertThatThrownBy(() -> HistoryStores.of(state, contents("kubernetes", Map.of()), cluster, kinds))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("genesis.yaml: environments[0] (staging) target: history: cluster keeps the"
                        + " records in the namespace of the environment's kubernetes target, and it names none; fix:"
                        + " add namespace: to its target");
        kinds.close();
    }

    private static ConfigFile.Contents contents(String kind, Map<String, String> settings) {
        return new ConfigFile.Contents(
                Environments.defaults(),
                Map.of(
                        "staging",
                        new ConfigFile.TargetBlock(
                                "genesis.yaml: environments[0] (staging) target", kind, settings, Map.of())));
    }
}
