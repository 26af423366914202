package io.genesis.sandbox.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.sandbox.slot.SlotId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmoothWeightedRoundRobinTest {

    private static final SlotId A = SlotId.of("a");
    private static final SlotId B = SlotId.of("b");
    private static final SlotId C = SlotId.of("c");

    @Test
    void shouldInterleaveSlotsEvenly() {
        // 5:1:1 scaled to a total of 100 keeps the same order as the classic 5/1/1 example.
        WeightedSelector selector = new SmoothWeightedRoundRobin(Weights.of(Map.of(A, 70, B, 15, C, 15)));

        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            picks.add(selector.next().value());
        }

        assertThat(picks).containsExactly("a", "a", "b", "a", "c", "a", "a");
    }

    @ParameterizedTest(name = "a={0} b={1} c={2}")
    @CsvSource({"100, 0, 0", "99, 1, 0", "90, 10, 0", "50, 50, 0", "34, 33, 33", "1, 1, 98", "5, 25, 70"})
    void shouldGiveEachSlotExactlyItsWeightInEveryHundredRequests(int a, int b, int c) {
        WeightedSelector selector = new SmoothWeightedRoundRobin(Weights.of(Map.of(A, a, B, b, C, c)));

        for (int round = 0; round < 3; round++) {
            Map<SlotId, Integer> counts = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                counts.merge(selector.next(), 1, Integer::sum);
            }

            assertThat(counts.getOrDefault(A, 0)).isEqualTo(a);
            assertThat(counts.getOrDefault(B, 0)).isEqualTo(b);
            assertThat(counts.getOrDefault(C, 0)).isEqualTo(c);
        }
    }

    @Test
    void shouldSendTheFirstOfTenPercentEarly() {
        // A canary at 10 % must see traffic within the first ten requests, not after ninety.
        WeightedSelector selector = new SmoothWeightedRoundRobin(Weights.split(A, B, 10));

        int firstCanary = -1;
        for (int i = 1; i <= 100 && firstCanary < 0; i++) {
            if (selector.next().equals(B)) {
                firstCanary = i;
            }
        }

        assertThat(firstCanary).isBetween(1, 10);
    }
}
