package io.genesis.core.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The JSON form of the engine's stored values: instants and durations as ISO-8601 text
 * ({@code 2026-11-27T10:15:30Z}, {@code PT2M}), absent values left out. Defined here, in a few
 * lines, so that the engine needs no Jackson module beyond databind.
 */
public final class TimeJson {

    private TimeJson() {}

    /** A new mapper for the engine's stored JSON. */
    public static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("genesis-time");
        time.addSerializer(Instant.class, new ToText<>());
        time.addSerializer(Duration.class, new ToText<>());
        time.addDeserializer(Instant.class, new FromText<>(Instant.class, Instant::parse));
        time.addDeserializer(Duration.class, new FromText<>(Duration.class, Duration::parse));
        // A freeze window's zone and wall-clock times, stored with the rollout that must honour them.
        time.addSerializer(ZoneId.class, new ToText<>());
        time.addSerializer(LocalDateTime.class, new ToText<>());
        time.addDeserializer(ZoneId.class, new FromText<>(ZoneId.class, ZoneId::of));
        time.addDeserializer(LocalDateTime.class, new FromText<>(LocalDateTime.class, LocalDateTime::parse));
        return JsonMapper.builder()
                .addModule(time)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static final class ToText<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class FromText<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> reader;

        FromText(Class<T> type, Function<String, T> reader) {
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            try {
                return reader.apply(text);
            } catch (DateTimeException e) {
                return type.cast(
                        context.handleWeirdStringValue(
                                type,
                                text,
                                "expected ISO-8601 text such as 2026-11-27T10:15:30Z or PT2M, or a time zone such as Europe/Berlin"));
            }
        }
    }
}
