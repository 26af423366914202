package io.genesis.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeJsonTest {

    /** A value holding the types the engine stores. */
    record Stored(Instant at, Duration length, String absent) {}

    private final ObjectMapper json = TimeJson.mapper();

    @Test
    void shouldWriteInstantsAndDurationsAsIsoTextAndLeaveAbsentValuesOut() throws Exception {
        Stored value = new Stored(Instant.parse("2026-11-27T10:15:30Z"), Duration.ofMinutes(2), null);

        String written = json.writeValueAsString(value);

        assertThat(written).isEqualTo("{\"at\":\"2026-11-27T10:15:30Z\",\"length\":\"PT2M\"}");
        assertThat(json.readValue(written + " ", Stored.class)).isEqualTo(value);
        assertThat(json.readValue("{\"at\":\"2026-11-27T10:15:30Z\",\"extra\":1}", Stored.class)
                        .length())
                .isNull();
    }

    @Test
    void shouldExplainTextThatIsNotIso() {
        assertThatThrownBy(() -> json.readValue("{\"length\":\"two minutes\"}", Stored.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("expected ISO-8601 text such as 2026-11-27T10:15:30Z or PT2M");
        assertThatThrownBy(() -> json.readValue("{\"at\":\"yesterday\"}", Stored.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
