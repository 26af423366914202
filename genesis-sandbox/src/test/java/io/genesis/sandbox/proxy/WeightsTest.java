package io.genesis.sandbox.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.slot.SlotId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsTest {

    private static final SlotId BLUE = SlotId.of("blue");
    private static final SlotId GREEN = SlotId.of("green");

    @ParameterizedTest(name = "blue {0} + green {1}: valid = {2}")
    @CsvSource({
        "100, 0, true",
        "0, 100, true",
        "50, 50, true",
        "99, 1, true",
        "99, 0, false",
        "100, 1, false",
        "101, -1, false",
        "-1, 101, false",
        "0, 0, false"
    })
    void shouldRequireWeightsBetweenZeroAndHundredAddingUpToHundred(int blue, int green, boolean valid) {
        Map<SlotId, Integer> map = Map.of(BLUE, blue, GREEN, green);

        if (valid) {
            assertThat(Weights.of(map).weightOf(GREEN)).isEqualTo(green);
        } else {
            assertThatThrownBy(() -> Weights.of(map)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldNameTheSumWhenItIsNotHundred() {
        assertThatThrownBy(() -> Weights.of(Map.of(BLUE, 60, GREEN, 30)))
                .hasMessage("weights must add up to 100, got 90 in {blue=60%, green=30%}: lower or raise one of them");
    }

    @Test
    void shouldNameTheSlotWithAWeightOutOfRange() {
        assertThatThrownBy(() -> Weights.of(Map.of(BLUE, 120, GREEN, -20)))
                .hasMessageContaining("must be between 0 and 100");
    }

    @Test
    void shouldRejectEmptyOrNullWeights() {
        assertThatThrownBy(() -> Weights.of(Map.of())).hasMessageContaining("weights are empty");
        assertThatThrownBy(() -> Weights.of(null)).hasMessageContaining("weights are empty");
        Map<SlotId, Integer> withNull = new HashMap<>();
        withNull.put(BLUE, null);
        assertThatThrownBy(() -> Weights.of(withNull)).hasMessageContaining("weight of blue must be between");
    }

    @ParameterizedTest
    @CsvSource({"0, 100, 0", "10, 90, 10", "100, 0, 100"})
    void shouldSplitBetweenStableAndCanary(int canaryPercent, int expectedStable, int expectedCanary) {
        Weights weights = Weights.split(BLUE, GREEN, canaryPercent);

        assertThat(weights.weightOf(BLUE)).isEqualTo(expectedStable);
        assertThat(weights.weightOf(GREEN)).isEqualTo(expectedCanary);
        assertThat(weights.slots()).containsExactly(BLUE, GREEN);
    }

    @ParameterizedTest
    @CsvSource({"-1", "101"})
    void shouldRejectCanaryWeightsOutOfRange(int canaryPercent) {
        assertThatThrownBy(() -> Weights.split(BLUE, GREEN, canaryPercent))
                .hasMessageContaining("canary weight must be between 0 and 100, got " + canaryPercent);
    }

    @Test
    void shouldRejectASplitOfOneSlotWithItself() {
        assertThatThrownBy(() -> Weights.split(BLUE, BLUE, 10)).hasMessageContaining("must be different slots");
    }

    @Test
    void shouldListOnlySlotsWithWeightAsReceivingTraffic() {
        Weights weights = Weights.split(BLUE, GREEN, 0);

        assertThat(weights.receivingTraffic()).containsExactly(BLUE);
        assertThat(weights.weightOf(SlotId.of("unknown"))).isZero();
    }

    @Test
    void shouldCompareByContentAndPrintSorted() {
        Weights weights = Weights.of(Map.of(GREEN, 30, BLUE, 70));

        assertThat(weights).isEqualTo(Weights.split(BLUE, GREEN, 30)).hasSameHashCodeAs(Weights.split(BLUE, GREEN, 30));
        assertThat(weights).hasToString("{blue=70%, green=30%}");
        assertThat(Weights.all(GREEN)).hasToString("{green=100%}");
    }

    @Test
    void shouldDropASlotWithoutWeight() {
        Weights weights = Weights.of(Map.of(BLUE, 0, GREEN, 100));

        assertThat(weights.without(BLUE)).isEqualTo(Weights.all(GREEN));
        assertThatThrownBy(() -> weights.without(GREEN)).hasMessageContaining("green still has 100 % of traffic");
    }

    @Test
    void shouldNotBeChangeableFromOutside() {
        Weights weights = Weights.all(BLUE);

        assertThatThrownBy(() -> weights.percentages().put(GREEN, 0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
