package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotIdTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"slot-1", "a", "blue.green_2", "x234567890123456789012345678901234567890123456789012345678901234"
            })
    void shouldAcceptNamesOfLettersDigitsAndPunctuation(String name) {
        assertThat(SlotId.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "slot 1", "slot/1", "x2345678901234567890123456789012345678901234567890123456789012345"})
    void shouldRejectOtherNames(String name) {
        assertThatThrownBy(() -> SlotId.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot id must be 1 to 64")
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void shouldSortByName() {
        assertThat(SlotId.of("slot-1")).isLessThan(SlotId.of("slot-2"));
        assertThat(SlotId.of("slot-1")).hasToString("slot-1");
    }
}
