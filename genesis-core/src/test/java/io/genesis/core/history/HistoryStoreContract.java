package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every history store must do; each store's test extends this (also in other modules, from the test-jar). */
public abstract class HistoryStoreContract {

    public static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    protected abstract HistoryStore store();

    /** {@code r} as if {@code build} had run it. */
    public static DeploymentRecord withBuild(DeploymentRecord r, String build) {
        return copy(r, build, r.commitTime());
    }

    /** {@code r} with its commit made at {@code committed} (its committer date). */
    public static DeploymentRecord withCommitTime(DeploymentRecord r, Instant committed) {
        return copy(r, r.build(), committed);
    }

    private static DeploymentRecord copy(DeploymentRecord r, String build, Instant committed) {
        return new DeploymentRecord(
                r.id(),
                r.application(),
                r.environment(),
                r.version(),
                r.commit(),
                r.ref(),
                build,
                r.strategy(),
                r.initiator(),
                r.target(),
                r.startedAt(),
                r.endedAt(),
                r.status(),
                r.reason(),
                r.phases(),
                r.approvals(),
                r.analyses(),
                r.notes(),
                r.rollbackTriggeredAt(),
                r.trafficRestoredAt(),
                r.timeToRestore(),
                r.initiatorAccount(),
                r.hooks(),
                r.buildDate(),
                committed);
    }

    public static DeploymentRecord record(
            String id, String application, String environment, RecordStatus status, int minute) {
        return new DeploymentRecord(
                id,
                application,
                environment,
                "1.0." + minute,
                "a1b2c3d",
                "branch main",
                "",
                "blueGreen",
                "bob",
                "test",
                T0.plus(Duration.ofMinutes(minute)),
                T0.plus(Duration.ofMinutes(minute + 1)),
                status,
                "because",
                List.of(new PhaseRecord(
                        1,
                        "promote",
                        "promote candidate",
                        T0.plus(Duration.ofMinutes(minute)),
                        T0.plus(Duration.ofMinutes(minute + 1)),
                        "completed",
                        "")),
                List.of(new ApprovalRecord("alice", T0, true, "ok")),
                List.of(),
                List.of("a note"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldReadRecordsBackNewestFirst() {
        HistoryStore store = store();
        DeploymentRecord first = record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        DeploymentRecord second = record("r-2", "shop", "staging", RecordStatus.ROLLED_BACK, 2);

        store.append(first);
        store.append(second);

        HistoryPage page = store.page(HistoryQuery.newest(10));
        assertThat(page.records()).containsExactly(second, first);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.problems()).isEmpty();
        assertThat(page.hasMore(HistoryQuery.newest(10))).isFalse();
    }

    @Test
    void shouldPageAndFilterByApplicationAndEnvironment() {
        HistoryStore store = store();
        for (int i = 0; i < 7; i++) {
            store.append(record("r-" + i, i % 2 == 0 ? "shop" : "cart", "staging", RecordStatus.SUCCEEDED, i));
        }
        HistoryQuery shop = HistoryQuery.of(new DeploymentKey("shop", "staging"), 3);

        HistoryPage first = store.page(shop);
        HistoryPage second = store.page(shop.next());

        assertThat(first.records()).extracting(DeploymentRecord::id).containsExactly("r-6", "r-4", "r-2");
        assertThat(first.hasMore(shop)).isTrue();
        assertThat(second.records()).extracting(DeploymentRecord::id).containsExactly("r-0");
        assertThat(second.hasMore(shop.next())).isFalse();
        assertThat(store.page(new HistoryQuery(null, 100, 5)).records()).isEmpty();
        assertThat(store.all(HistoryQuery.newest(1))).hasSize(7);
    }

    @Test
    void shouldLetALaterLineForTheSameRolloutReplaceTheEarlierOne() {
        HistoryStore store = store();
        DeploymentRecord succeeded = record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        store.append(succeeded);
        store.append(record("r-2", "cart", "staging", RecordStatus.SUCCEEDED, 2));

        DeploymentRecord rolledBack = succeeded.rolledBackLater(
                "memory leak", T0.plusSeconds(3600), T0.plusSeconds(3601), T0.plusSeconds(3602));
        store.append(rolledBack);
        store.append(rolledBack);

        assertThat(store.all(HistoryQuery.newest(1)))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-1", "r-2");
        assertThat(store.find("r-1")).contains(rolledBack);
        assertThat(rolledBack.restoreTime()).contains(Duration.ofSeconds(1));
        assertThat(store.find("r-9")).isEmpty();
    }

    @Test
    void shouldListTheApplicationsAndEnvironmentsOfAJobAndOfItsFolder() {
        HistoryStore store = store();
        store.append(withBuild(record("r-1", "shop", "staging", RecordStatus.FAILED, 1), "team/shop/main#1"));
        store.append(withBuild(record("r-2", "shop", "production", RecordStatus.SUCCEEDED, 2), "team/shop/main#2"));
        store.append(withBuild(record("r-3", "cart", "staging", RecordStatus.SUCCEEDED, 3), "team/cart/main#1"));
        store.append(withBuild(record("r-4", "shop", "staging", RecordStatus.SUCCEEDED, 4), "team/shop/main#3"));
        store.append(record("r-5", "misc", "staging", RecordStatus.SUCCEEDED, 5));

        assertThat(store.keys("team/shop/main"))
                .containsExactly(new DeploymentKey("shop", "production"), new DeploymentKey("shop", "staging"));
        assertThat(store.keys("team"))
                .containsExactly(
                        new DeploymentKey("cart", "staging"),
                        new DeploymentKey("shop", "production"),
                        new DeploymentKey("shop", "staging"));
        assertThat(store.keys("team/shop")).hasSize(2);
        assertThat(store.keys("other")).isEmpty();
        assertThat(store.keys("team/sho")).isEmpty();
    }

    @Test
    void shouldSayWhatRunsAsTheRecordsDo() {
        HistoryStore store = store();
        DeploymentKey shop = new DeploymentKey("shop", "staging");
        assertThat(store.running(shop)).isEmpty();
        DeploymentRecord first = record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        DeploymentRecord second = record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2);
        store.append(first);
        store.append(second);
        store.append(record("r-3", "shop", "staging", RecordStatus.ROLLED_BACK, 3));
        store.append(record("r-4", "cart", "staging", RecordStatus.SUCCEEDED, 4));

        assertThat(store.running(shop)).contains(second);

        // the newest that ran is rolled back later: the one before runs again
        store.append(second.rolledBackLater("leak", T0.plusSeconds(3600), T0.plusSeconds(3601), T0.plusSeconds(3602)));
        assertThat(store.running(shop)).contains(first);

        // a record written after one that ended later (an import of older history) does not run
        store.append(record("r-0", "shop", "staging", RecordStatus.SUCCEEDED, 0));
        assertThat(store.running(shop)).contains(first);
        assertThat(store.running(shop))
                .isEqualTo(CurrentDeployments.from(store.all(HistoryQuery.newest(1)))
                        .at(shop));
        assertThat(store.running(new DeploymentKey("shop", "production"))).isEmpty();
    }

    @Test
    void shouldKeepTheCommitTimeBesideRecordsWithoutOne() {
        HistoryStore store = store();
        Instant committed = T0.minus(Duration.ofHours(3));
        DeploymentRecord without = record("r-old", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        DeploymentRecord with =
                withCommitTime(record("r-new", "shop", "staging", RecordStatus.SUCCEEDED, 2), committed);

        store.append(without);
        store.append(with);

        assertThat(store.page(HistoryQuery.newest(10)).records()).containsExactly(with, without);
        assertThat(store.find("r-new").flatMap(DeploymentRecord::committedAt)).contains(committed);
        assertThat(store.find("r-old").flatMap(DeploymentRecord::committedAt)).isEmpty();
        DeploymentRecord rolledBack =
                with.rolledBackLater("leak", T0.plusSeconds(600), T0.plusSeconds(601), T0.plusSeconds(602));
        store.append(rolledBack);
        assertThat(store.find("r-new").flatMap(DeploymentRecord::committedAt)).contains(committed);
    }

    @Test
    void shouldReadTheRecordsThatEndedSinceAnInstantNewestFirst() {
        HistoryStore store = store();
        for (int minute = 0; minute < 6; minute++) {
            store.append(record(
                    "r-" + minute, "shop", minute % 2 == 0 ? "staging" : "production", RecordStatus.SUCCEEDED, minute));
        }

        // record r-n ends at minute n + 1: from minute 4 on, r-3, r-4 and r-5; a record ending at the instant counts
        assertThat(store.endedSince(HistoryQuery.newest(1), T0.plus(Duration.ofMinutes(4))))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-5", "r-4", "r-3");
        assertThat(store.endedSince(
                        HistoryQuery.of(new DeploymentKey("shop", "staging"), 1), T0.plus(Duration.ofMinutes(1))))
                .extracting(DeploymentRecord::id)
                .containsExactly("r-4", "r-2", "r-0");
        assertThat(store.endedSince(HistoryQuery.newest(1), T0.plus(Duration.ofHours(1))))
                .isEmpty();
    }
}
