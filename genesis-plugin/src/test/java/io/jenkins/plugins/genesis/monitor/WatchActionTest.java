package io.jenkins.plugins.genesis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Classification;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.watch.Incident;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a build page keeps of a watch: plain copies of the engine's state, read back by XStream as shown. */
class WatchActionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static WatchState watching() {
        WatchRequest request = WatchRequest.of(
                new DeploymentKey("shop", "production"),
                new Version("1.1.0"),
                "j-0123456789abcdef01234567",
                MetricSpec.of("httpProbe"),
                AnalysisThresholds.defaults(),
                Duration.ofHours(48),
                "bob");
        return new WatchState(
                WatchId.of("jw-0123456789abcdef01234567"),
                3,
                request,
                "jenkins-1",
                T0.plusSeconds(300),
                T0,
                T0.plus(Duration.ofHours(48)),
                WatchStage.WATCHING,
                new WatchState.Sampling(T0.plusSeconds(60), T0.plusSeconds(90), AnalysisRun.empty(), 0, 0),
                List.of(),
                null,
                null);
    }

    static WatchState rolledBack() {
        WatchState watching = watching();
        Incident incident = new Incident(
                1,
                Classification.CRITICAL,
                T0.plus(Duration.ofHours(2)),
                "error rate 6.00 % > 5.00 %",
                T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofHours(2)).plusSeconds(3),
                "rolled back",
                Duration.ofSeconds(3));
        return new WatchState(
                watching.id(),
                9,
                watching.request(),
                watching.owner(),
                watching.leaseExpiresAt(),
                watching.startedAt(),
                watching.endsAt(),
                WatchStage.ENDED,
                watching.sampling(),
                List.of(incident),
                "error rate 6.00 % > 5.00 %",
                new WatchState.Outcome(
                        WatchVerdict.ROLLED_BACK,
                        "error rate 6.00 % > 5.00 %; time to restore 3 s",
                        T0.plus(Duration.ofHours(2)).plusSeconds(3)));
    }

    @Test
    void shouldShowAWatchThatIsRunningWithoutAVerdict() {
        // when
        WatchAction action = new WatchAction(watching());

        // then
        assertThat(action.getStage()).isEqualTo("WATCHING");
        assertThat(action.getVerdict()).isEmpty();
        assertThat(action.getEndsAt()).isEqualTo(T0.plus(Duration.ofHours(48)).toEpochMilli());
        assertThat(action.getIncidents()).isEmpty();
        assertThat(action.getInitiator()).isEqualTo("bob");
    }

    @Test
    void shouldShowTheRollbackWithItsIncidentAndTimeToRestore() {
        // given
        WatchAction action = new WatchAction(watching());

        // when
        action.update(rolledBack());

        // then
        assertThat(action.getVerdict()).isEqualTo("ROLLED_BACK");
        assertThat(action.getReason()).contains("time to restore 3 s");
        assertThat(action.getIncidents())
                .singleElement()
                .asString()
                .startsWith("#1 CRITICAL from 2026-12-01T12:00:00Z: error rate 6.00 % > 5.00 %")
                .endsWith("rolled back; restored in 3 s");
    }

    @Test
    void shouldBeReadBackByXStreamAsItWasShown() {
        // given
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.genesis.**"});
        WatchAction action = new WatchAction(rolledBack());

        // when
        String xml = xstream.toXML(action);
        WatchAction read = (WatchAction) xstream.fromXML(xml);

        // then: plain copies of the state, no engine type
        assertThat(xml).contains("<verdict>ROLLED_BACK</verdict>").doesNotContain("io.genesis.core");
        assertThat(read).usingRecursiveComparison().isEqualTo(action);
    }
}
