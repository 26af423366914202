package io.genesis.core.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketQuantileTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void shouldInterpolateInsideTheBucketThatHoldsTheRank() {
        // rank 95 of 100 lies in (0.2, 0.5], 5 of its 10 observations in: 0.2 + 0.3 * 5 / 10.
        assertThat(BucketQuantile.of(0.95, Map.of(0.1, 50.0, 0.2, 90.0, 0.5, 100.0, INF, 100.0)))
                .isCloseTo(0.35, within(1e-12));
    }

    @Test
    void shouldStartTheLowestBucketAtZero() {
        assertThat(BucketQuantile.of(0.95, Map.of(1.0, 100.0, INF, 100.0))).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void shouldAnswerTheHighestFiniteBoundForARankInTheInfBucket() {
        assertThat(BucketQuantile.of(0.95, Map.of(0.1, 10.0, 0.25, 20.0, INF, 100.0)))
                .isEqualTo(0.25);
    }

    @Test
    void shouldAnswerANonPositiveLowestBoundAsItIs() {
        assertThat(BucketQuantile.of(0.95, Map.of(-1.0, 100.0, INF, 100.0))).isEqualTo(-1.0);
    }

    @Test
    void shouldTreatCountsThatDipAsMonotonic() {
        // 0.2's count read lower than 0.1's: taken as 50, so rank 95 lies in (0.2, 0.5] with 50 observations.
        assertThat(BucketQuantile.of(0.95, Map.of(0.1, 50.0, 0.2, 40.0, 0.5, 100.0, INF, 100.0)))
                .isCloseTo(0.2 + 0.3 * 45 / 50, within(1e-12));
    }

    @Test
    void shouldGiveNoAnswerWithoutObservationsOrWithoutAnInfBucket() {
        assertThat(BucketQuantile.of(0.95, Map.of(0.1, 0.0, INF, 0.0))).isNaN();
        assertThat(BucketQuantile.of(0.95, Map.of(0.1, 5.0, 0.2, 9.0))).isNaN();
        assertThat(BucketQuantile.of(0.95, Map.of(INF, 9.0))).isNaN();
    }
}
