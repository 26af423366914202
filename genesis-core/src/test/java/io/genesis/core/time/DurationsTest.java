package io.genesis.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "2m, PT2M",
        "2min, PT2M",
        "24h, PT24H",
        "2d, PT48H",
        "1h30m, PT1H30M",
        "1h 30m, PT1H30M",
        "PT5M, PT5M",
        "' 10M ', PT10M",
    })
    void shouldReadDurationsAsPeopleWriteThem(String text, Duration expected) {
        assertThat(Durations.parse("window", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5", "5 parsecs", "m5", "5m soon", "Pfoo"})
    void shouldNameTheSettingItCannotRead(String text) {
        assertThatThrownBy(() -> Durations.parse("window", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be a duration such as 30s, 2m, 24h or 1h30m, got '" + text + "'");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT0S, 0 s",
        "PT0.25S, 250 ms",
        "PT45S, 45 s",
        "PT2M, 2 min",
        "PT1H30M, 1 h 30 min",
        "PT24H, 24 h",
        "PT48H, 48 h",
        "PT72H, 3 d",
        "PT73H1S, 3 d 1 h 1 s",
        "PT-2M, -2 min",
    })
    void shouldShowDurationsShortly(Duration duration, String shown) {
        assertThat(Durations.format(duration)).isEqualTo(shown);
    }
}
