package io.jenkins.plugins.genesis.dora;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoraActionTest {

    /** Wednesday 11 March 2026: the page shows the 12 weeks from Monday 22 December 2025. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-11T12:00:00Z"));

    private final InMemoryHistoryStore store = new InMemoryHistoryStore();

    /**
     * Job shop/main: 1.0.0 promoted 2 h after its build, 1.1.0 promoted 4 h after and rolled back within
     * the hour (traffic back in 15 s); 0.9.0 in June 2025, before the weeks shown. Job shop/feature and a
     * command-line deploy: one each, not this job's.
     */
    @BeforeEach
    void records() {
        // before the weeks shown: not read for the page
        store.append(record("o", "shop/main#1", "2025-06-02T10:00:00Z", 2, null));
        store.append(record("a", "shop/main#3", "2026-03-02T10:00:00Z", 2, null));
        store.append(record("b", "shop/main#4", "2026-03-09T10:00:00Z", 4, "<img src=x onerror=alert(1)>"));
        store.append(record("c", "shop/feature#1", "2026-03-09T11:00:00Z", 1, "feature broke"));
        store.append(record("d", "", "2026-03-10T11:00:00Z", 1, null));
    }

    private static DeploymentRecord record(String id, String build, String promotedAt, int hours, String rollback) {
        Instant promoted = Instant.parse(promotedAt);
        Instant started = promoted.minus(Duration.ofMinutes(5));
        Instant triggered = rollback == null ? null : promoted.plus(Duration.ofMinutes(30));
        Instant restored = triggered == null ? null : triggered.plusSeconds(15);
        return new DeploymentRecord(
                id,
                "shop",
                "production",
                "1.0." + id.charAt(0),
                "abcdef0123",
                "tag v1.0.0",
                build,
                "blueGreen",
                "alice",
                "kubernetes",
                started,
                restored == null ? promoted : restored,
                rollback == null ? RecordStatus.SUCCEEDED : RecordStatus.ROLLED_BACK,
                rollback == null ? "completed" : rollback,
                List.of(new PhaseRecord(1, "promote", "promote candidate", started, promoted, "completed", "")),
                List.of(),
                List.of(),
                List.of(),
                triggered,
                restored,
                triggered == null ? null : Duration.between(triggered, restored),
                "alice",
                List.of(),
                promoted.minus(Duration.ofHours(hours)),
                null);
    }

    @Test
    void shouldShowTheFiguresOfThisJobsRecordsOnly() {
        DoraAction action = new DoraAction("shop/main", store, clock);

        assertThat(action.records()).extracting(DeploymentRecord::id).containsExactlyInAnyOrder("a", "b");
        String html = action.getFiguresHtml();
        assertThat(html)
                .contains("DORA figures from 2025-12-22 to 2026-03-11 (UTC), by week")
                .contains("data-environment=\"production\"")
                .contains("2 (0.03 a day)") // 2 deployments in 80 days: 0.025, rounded half up
                .contains("median 2 h, p90 4 h (2 promotions, from the build date: no commit time recorded)")
                .contains("50.0 % (1 of 2 changes)")
                .contains("median 15 s, p90 15 s (1 restore)");
        for (String figure : List.of("deployments", "lead-time", "change-failure-rate", "time-to-restore")) {
            assertThat(html).contains("data-figure=\"" + figure + "\"");
        }
    }

    @Test
    void shouldDrawTheSameChartsAsTheCommandLinesPage() {
        DoraAction action = new DoraAction("shop/main", store, clock);

        String page =
                io.genesis.core.history.dora.HtmlReport.page(action.report(), action.records(), "t", clock.instant());

        assertThat(page).contains(action.getFiguresHtml());
        assertThat(action.getStyleSheet()).contains(".dora-charts");
    }

    @Test
    void shouldShowAJobWithoutDeploymentsAsSuch() {
        assertThat(new DoraAction("cart/main", store, clock).getFiguresHtml()).contains("No deployment records.");
    }

    @Test
    void shouldBeALinkOnTheJobPage() {
        DoraAction action = new DoraAction("shop/main", () -> Optional.of(store));

        assertThat(action.getUrlName()).isEqualTo("genesis-dora");
        assertThat(action.getIconFileName()).isEqualTo("symbol-analytics");
        assertThat(action.getDisplayName()).isEqualTo("Deployment figures (DORA)");
    }

    @Test
    void shouldShowNothingWhileTheEngineIsNotRunning() {
        assertThat(new DoraAction("shop/main", Optional::empty).records()).isEmpty();
    }
}
