package io.genesis.sandbox.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Percentage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureScheduleTest {

    @ParameterizedTest(name = "{0} % of {1} requests -> {2} failures")
    @CsvSource({
        "0, 10000, 0",
        "0.01, 9999, 0",
        "0.01, 10000, 1",
        "12.5, 8, 1",
        "20, 4, 0",
        "20, 5, 1",
        "20, 100, 20",
        "33.33, 10000, 3333",
        "50, 11, 5",
        "99.99, 10000, 9999",
        "100, 7, 7"
    })
    void shouldFailExactlyTheShareAskedFor(double percent, int requests, long expectedFailures) {
        FailureSchedule schedule = new FailureSchedule(new Percentage(percent));

        long failures = 0;
        for (int i = 0; i < requests; i++) {
            if (schedule.nextFails()) {
                failures++;
            }
        }

        assertThat(failures).isEqualTo(expectedFailures);
    }

    @Test
    void shouldSpreadFailuresEvenly() {
        FailureSchedule schedule = new FailureSchedule(new Percentage(20));

        List<Integer> failing = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            if (schedule.nextFails()) {
                failing.add(n);
            }
        }

        assertThat(failing).containsExactly(5, 10, 15, 20);
    }
}
