package io.genesis.core.recovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What can still be read from the start of a damaged JSON state file: the named scalar values that come
 * before the damage. Only the fields asked for are kept, so nothing else of the file (a setting that
 * may hold a secret) ever reaches a record or a message.
 */
final class Salvage {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> values;

    private Salvage(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Reads {@code bytes} token by token up to the first damage, keeping the values at {@code wanted}
     * (JSON pointers such as {@code /request/key/application}).
     */
    static Salvage of(byte[] bytes, Set<String> wanted) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (wanted.contains(pointer)) {
                        values.putIfAbsent(pointer, parser.getText());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The damage: everything before it is kept, nothing after it is guessed.
        }
        return new Salvage(values);
    }

    Optional<String> text(String pointer) {
        return Optional.ofNullable(values.get(pointer)).filter(v -> !v.isBlank());
    }

    Optional<Instant> instant(String pointer) {
        try {
            return text(pointer).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
