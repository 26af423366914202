package io.genesis.sandbox.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.sandbox.slot.SlotId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomWeightedSelectorTest {

    private static final SlotId A = SlotId.of("a");
    private static final SlotId B = SlotId.of("b");
    private static final SlotId C = SlotId.of("c");

    @Test
    void shouldRepeatTheSameSequenceForTheSameSeed() {
        Weights weights = Weights.of(Map.of(A, 50, B, 30, C, 20));

        assertThat(picks(new RandomWeightedSelector(weights, 42), 50))
                .isEqualTo(picks(new RandomWeightedSelector(weights, 42), 50))
                .isNotEqualTo(picks(new RandomWeightedSelector(weights, 43), 50));
    }

    @Test
    void shouldApproachTheWeightsOverManyRequests() {
        List<SlotId> picks = picks(new RandomWeightedSelector(Weights.of(Map.of(A, 70, B, 25, C, 5)), 7), 20_000);

        // Binomial standard deviation at n = 20 000 is at most 0.35 %; 1.5 % is over four of them.
        assertThat(share(picks, A)).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.015));
        assertThat(share(picks, B)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.015));
        assertThat(share(picks, C)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void shouldNeverPickASlotWithoutWeight() {
        List<SlotId> picks = picks(new RandomWeightedSelector(Weights.of(Map.of(A, 0, B, 99, C, 1)), 1), 5_000);

        assertThat(picks).doesNotContain(A).contains(B, C);
    }

    @Test
    void shouldMakeSelectorsOfEachMode() {
        Weights weights = Weights.split(A, B, 0);

        assertThat(SelectionMode.RANDOM.selector(weights, 1)).isInstanceOf(RandomWeightedSelector.class);
        assertThat(SelectionMode.SMOOTH_ROUND_ROBIN.selector(weights, 1)).isInstanceOf(SmoothWeightedRoundRobin.class);
        assertThat(SelectionMode.RANDOM.selector(weights, 1).next()).isEqualTo(A);
    }

    private static List<SlotId> picks(WeightedSelector selector, int count) {
        List<SlotId> picks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picks.add(selector.next());
        }
        return picks;
    }

    private static double share(List<SlotId> picks, SlotId slot) {
        return picks.stream().filter(slot::equals).count() / (double) picks.size();
    }
}
