package io.genesis.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowLayoutTest {

    @Test
    void shouldKeepTenMinutesByDefault() {
        assertThat(WindowLayout.defaults().retention()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, true", "3600, true", "3601, false"})
    void shouldBoundTheBucketCount(int count, boolean valid) {
        if (valid) {
            assertThat(new WindowLayout(Duration.ofSeconds(1), count).bucketCount())
                    .isEqualTo(count);
        } else {
            assertThatThrownBy(() -> new WindowLayout(Duration.ofSeconds(1), count))
                    .hasMessageContaining("bucketCount must be between 1 and 3600, got " + count);
        }
    }

    @ParameterizedTest
    @CsvSource({"PT0S, false", "PT0.0009S, false", "PT0.001S, true", "PT1.0005S, false", "PT-1S, false"})
    void shouldRequireWholeMillisecondBuckets(Duration width, boolean valid) {
        if (valid) {
            assertThat(new WindowLayout(width, 1).bucketWidth()).isEqualTo(width);
        } else {
            assertThatThrownBy(() -> new WindowLayout(width, 1))
                    .hasMessageContaining("bucketWidth must be a whole number of milliseconds");
        }
    }
}
