package io.genesis.kubernetes.history;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.HistoryStoreContract;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.history.Retention;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.NoRetries;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ConfigMapHistoryStoreTest extends HistoryStoreContract {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");
    private static final String HEAD = "genesis-history-shop.staging";

    KubernetesMockServer server;
    KubernetesClient client;

    @Override
    protected HistoryStore store() {
        return new ConfigMapHistoryStore(client, NS);
    }

    private static DeploymentRecord record(String id, int minute) {
        return HistoryStoreContract.record(id, "shop", "staging", RecordStatus.SUCCEEDED, minute);
    }

    private ConfigMap map(String name) {
        return client.configMaps().inNamespace(NS).withName(name).get();
    }

    /** The chunks the head names, checked to be exactly the chunk ConfigMaps there are (deleted ones are gone). */
    private List<String> chunksNamedByTheHead() {
        List<String> named = List.of(map(HEAD).getData().get("chunks").split("\n"));
        assertThat(client.configMaps()
                        .inNamespace(NS)
                        .withLabel("genesis.io/history", "chunk")
                        .list()
                        .getItems())
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(named);
        return named;
    }

    @Test
    void shouldKeepEachKeysRecordsInALabelledConfigMapAsJsonLines() {
        store().append(record("r-1", 1));
        store().append(HistoryStoreContract.record("r-2", "cart", "staging", RecordStatus.SUCCEEDED, 2));

        ConfigMap head = map(HEAD);
        assertThat(head.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "genesis")
                .containsEntry("genesis.io/history", "head")
                .containsEntry("genesis.io/application", "shop")
                .containsEntry("genesis.io/environment", "staging");
        assertThat(head.getData().get("records.jsonl"))
                .startsWith("{\"id\":\"r-1\"")
                .endsWith("}\n")
                .doesNotContain("r-2");
        assertThat(map("genesis-history-cart.staging").getData().get("records.jsonl"))
                .contains("\"id\":\"r-2\"");
    }

    @Test
    void shouldKeepTheNewestRecordsInTheHeadAndTheOlderInChunksOnceTheHeadIsFull() {
        ConfigMapHistoryStore store =
                new ConfigMapHistoryStore(client, NS, new ConfigMapHistoryStore.Limits(4, 1024 * 64, 10));
        for (int i = 1; i <= 11; i++) {
            store.append(record("r-" + i, i));
        }

        ConfigMap head = map(HEAD);
        List<String> chunks = List.of(head.getData().get("chunks").split("\n"));
        assertThat(chunks).hasSize(3).allMatch(name -> name.startsWith(HEAD + "."));
        assertThat(head.getData().get("records.jsonl").split("\n")).hasSizeLessThanOrEqualTo(4);
        ConfigMap chunk = map(chunks.get(0));
        assertThat(chunk.getImmutable()).isTrue();
        assertThat(chunk.getMetadata().getLabels()).containsEntry("genesis.io/history", "chunk");
        assertThat(chunk.getData().get("records.jsonl")).contains("\"id\":\"r-1\"");
        assertThat(store.all(HistoryQuery.of(SHOP, 3)))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-11", "r-10", "r-9", "r-8", "r-7", "r-6", "r-5", "r-4", "r-3", "r-2", "r-1");
        HistoryPage page = store.page(new HistoryQuery(SHOP, 2, 3));
        assertThat(page.records()).extracting(DeploymentRecord::id).containsExactly("r-9", "r-8", "r-7");
        assertThat(page.total()).isEqualTo(11);
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void shouldBoundTheHeadByBytesAsWellAsByRecords() {
        ConfigMapHistoryStore store =
                new ConfigMapHistoryStore(client, NS, new ConfigMapHistoryStore.Limits(100, 2048, 10));
        for (int i = 1; i <= 6; i++) {
            store.append(record("r-" + i, i));
        }

        assertThat(map(HEAD).getData().get("records.jsonl").length()).isLessThanOrEqualTo(2048);
        assertThat(map(HEAD).getData().get("chunks")).isNotBlank();
        assertThat(store.all(HistoryQuery.of(SHOP, 10))).hasSize(6);
    }

    @Test
    void shouldDropTheOldestChunksBeyondTheRetentionAndDeleteThem() {
        ConfigMapHistoryStore store =
                new ConfigMapHistoryStore(client, NS, new ConfigMapHistoryStore.Limits(2, 1024 * 64, 2));
        for (int i = 1; i <= 10; i++) {
            store.append(record("r-" + i, i));
        }

        List<String> kept = chunksNamedByTheHead();
        assertThat(kept).hasSize(2);
        List<String> ids = store.all(HistoryQuery.of(SHOP, 10)).stream()
                .map(DeploymentRecord::id)
                .toList();
        assertThat(ids).startsWith("r-10", "r-9").doesNotContain("r-1").hasSizeLessThan(10);
    }

    @Test
    void shouldDeleteTheChunksWhoseRecordsTheRetentionLetsGoAndKeepTheRest() {
        Clock now = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        ConfigMapHistoryStore store = new ConfigMapHistoryStore(
                client, NS, new ConfigMapHistoryStore.Limits(2, 1024 * 64, 100), new Retention(3, Duration.ZERO), now);
        for (int i = 1; i <= 12; i++) {
            store.append(record("r-" + i, i));
        }

        HistoryPage page = store.page(HistoryQuery.of(SHOP, 20));
        List<String> ids = page.records().stream().map(DeploymentRecord::id).toList();
        assertThat(ids).startsWith("r-12", "r-11", "r-10").doesNotContain("r-1", "r-2", "r-3");
        assertThat(page.problems()).isEmpty();
        chunksNamedByTheHead();

        ConfigMapHistoryStore keepsMore = new ConfigMapHistoryStore(
                client, NS, new ConfigMapHistoryStore.Limits(2, 1024 * 64, 100), Retention.DEFAULT, now);
        for (int i = 13; i <= 20; i++) {
            keepsMore.append(record("r-" + i, i));
        }
        assertThat(keepsMore.page(HistoryQuery.of(SHOP, 30)).records())
                .extracting(DeploymentRecord::id)
                .contains("r-13", "r-14", "r-20")
                .hasSize(ids.size() + 8);
    }

    @Test
    void shouldSayWhenItsChunkBoundDeletedRecordsTheRetentionKeeps() {
        ConfigMapHistoryStore store = new ConfigMapHistoryStore(
                client,
                NS,
                new ConfigMapHistoryStore.Limits(2, 1024 * 64, 1),
                Retention.DEFAULT,
                Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        for (int i = 1; i <= 8; i++) {
            store.append(record("r-" + i, i));
        }

        HistoryPage page = store.page(HistoryQuery.of(SHOP, 20));
        assertThat(page.records())
                .extracting(DeploymentRecord::id)
                .startsWith("r-8")
                .doesNotContain("r-1");
        assertThat(page.problems())
                .singleElement()
                .asString()
                .contains("records that the retention (keep 500, days 365) keeps were deleted")
                .contains("this store keeps at most 1 chunks of 2 records");
    }

    @Test
    void shouldReplaceARecordThatWasAlreadyMovedIntoAChunk() {
        ConfigMapHistoryStore store =
                new ConfigMapHistoryStore(client, NS, new ConfigMapHistoryStore.Limits(2, 1024 * 64, 10));
        DeploymentRecord first = record("r-1", 1);
        store.append(first);
        for (int i = 2; i <= 5; i++) {
            store.append(record("r-" + i, i));
        }
        DeploymentRecord rolledBack = first.rolledBackLater(
                "leak", HistoryStoreContract.T0.plusSeconds(9000), null, HistoryStoreContract.T0.plusSeconds(9001));

        store.append(rolledBack);

        assertThat(store.all(HistoryQuery.of(SHOP, 10)))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-1", "r-5", "r-4", "r-3", "r-2");
        assertThat(store.find("r-1")).contains(rolledBack);
    }

    @Test
    void shouldLoseNoRecordWhenTwoWritersRaceOnOneConfigMap() throws Exception {
        // Two stores, as two machines: each append is a read-modify-write that the API refuses with 409 when
        // the other wrote in between; small limits make them race on chunks too.
        ConfigMapHistoryStore.Limits limits = new ConfigMapHistoryStore.Limits(6, 1024 * 64, 100);
        List<ConfigMapHistoryStore> writers =
                List.of(new ConfigMapHistoryStore(client, NS, limits), new ConfigMapHistoryStore(client, NS, limits));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                ConfigMapHistoryStore writer = writers.get(w);
                String prefix = "w" + w + "-";
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        writer.append(record(prefix + i, i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        HistoryPage page = store().page(HistoryQuery.of(SHOP, 1000));
        assertThat(page.problems()).isEmpty();
        assertThat(page.records()).extracting(DeploymentRecord::id).hasSize(50).doesNotHaveDuplicates();
        // What makes a lost update visible here: the API server refuses a write of a version already replaced.
        ConfigMap stale = map(HEAD);
        store().append(record("late", 99));
        assertThatThrownBy(() ->
                        client.configMaps().inNamespace(NS).resource(stale).update())
                .hasMessageContaining("409");
        assertThat(client.configMaps()
                        .inNamespace(NS)
                        .withLabel("genesis.io/history", "chunk")
                        .list()
                        .getItems())
                .as("every chunk that lost a race was deleted again")
                .hasSize(map(HEAD).getData().get("chunks").split("\n").length);
    }

    @Test
    void shouldStartAgainFromAFreshReadWhenTheApiAnswersConflict() {
        store().append(record("r-1", 1));
        server.expect()
                .put()
                .withPath("/api/v1/namespaces/" + NS + "/configmaps/" + HEAD)
                .andReturn(409, "{\"kind\":\"Status\",\"code\":409,\"message\":\"the object has been modified\"}")
                .times(3);

        store().append(record("r-2", 2));

        assertThat(store().all(HistoryQuery.of(SHOP, 10)))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-2", "r-1");
    }

    @Test
    void shouldSayWhichConfigMapAndWhatToDoWhenTheApiRefusesTheWrite() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + NS + "/configmaps")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"forbidden\"}")
                .once();

        assertThatThrownBy(() -> store().append(record("r-1", 1)))
                .isInstanceOf(KubernetesApiException.class)
                .hasMessageContaining("create configmaps '" + HEAD + "' in namespace '" + NS + "'")
                .hasMessageContaining("resources: [\"configmaps\"], verbs: [\"create\"]")
                .satisfies(
                        e -> assertThat(((KubernetesApiException) e).problem()).isEqualTo(Problem.FORBIDDEN));
    }

    @Test
    void shouldReportAnUnreadableLineWithItsConfigMapKeyAndLineAndKeepIt() {
        store().append(record("r-1", 1));
        client.configMaps().inNamespace(NS).withName(HEAD).edit(head -> {
            head.getData().put("records.jsonl", head.getData().get("records.jsonl") + "{\"id\":\"r-x\", \"version\n");
            return head;
        });

        store().append(record("r-2", 2));

        HistoryPage page = store().page(HistoryQuery.of(SHOP, 10));
        assertThat(page.records()).extracting(DeploymentRecord::id).containsExactly("r-2", "r-1");
        assertThat(page.problems())
                .singleElement()
                .asString()
                .startsWith("ConfigMap " + HEAD + " in namespace " + NS + " key records.jsonl line 2 skipped: not a"
                        + " valid record");
        assertThat(map(HEAD).getData().get("records.jsonl"))
                .as("kept for people to look at")
                .contains("r-x");
    }

    @Test
    void shouldReportAMissingChunkAndARecordOfAnotherKeyInsteadOfHidingThem() {
        ConfigMapHistoryStore store =
                new ConfigMapHistoryStore(client, NS, new ConfigMapHistoryStore.Limits(2, 1024 * 64, 10));
        for (int i = 1; i <= 4; i++) {
            store.append(record("r-" + i, i));
        }
        String chunk = map(HEAD).getData().get("chunks").split("\n")[0];
        client.configMaps().inNamespace(NS).withName(chunk).delete();
        client.configMaps().inNamespace(NS).withName(HEAD).edit(head -> {
            String line = head.getData().get("records.jsonl").split("\n")[0];
            head.getData()
                    .put(
                            "records.jsonl",
                            head.getData().get("records.jsonl")
                                    + line.replace("\"application\":\"shop\"", "\"application\":\"cart\"")
                                            .replace("\"id\":\"r-", "\"id\":\"x-")
                                    + "\n");
            return head;
        });

        HistoryPage page = store.page(HistoryQuery.newest(10));

        assertThat(page.problems())
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("ConfigMap " + chunk + " in namespace " + NS + ", named in key chunks of " + HEAD
                                + ", is missing"))
                .anySatisfy(problem -> assertThat(problem).contains("is of cart in staging, not of shop in staging"));
        assertThat(page.records())
                .extracting(DeploymentRecord::id)
                .doesNotContain("x-3")
                .contains("r-4");
    }

    @Test
    void shouldNameEveryHeadSafelyAndApartForKeysThatShareTheirText() {
        assertThat(ConfigMapHistoryStore.headName(new DeploymentKey("a-b", "c")))
                .isEqualTo("genesis-history-a-b.c")
                .isNotEqualTo(ConfigMapHistoryStore.headName(new DeploymentKey("a", "b-c")));
        assertThat(ConfigMapHistoryStore.headName(new DeploymentKey("a".repeat(63), "e".repeat(63))))
                .hasSizeLessThan(253)
                .matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    }

    @Test
    void shouldRefuseLimitsAConfigMapCannotHold() {
        assertThatThrownBy(() -> new ConfigMapHistoryStore.Limits(10, 1024 * 1024, 5))
                .hasMessageContaining("maxBytes must be between 1024 and 786432")
                .hasMessageContaining("got 1048576");
        assertThatThrownBy(() -> new ConfigMapHistoryStore.Limits(1, 4096, 5))
                .hasMessageContaining("maxRecords must be at least 2, got 1");
    }
}
