package io.genesis.core.time;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the JSON Genesis wrote itself (rollout and watch states, leases, history lines) strictly: exact
 * UTF-8 bytes (a damaged byte is an error at its position, not a replacement character), a number given
 * as a string or a string where a number belongs is an error, nothing may follow the value, and a value
 * over the parser's limits is an error at its position too. What Genesis writes always passes; anything
 * else was changed outside Genesis and is reported, never half-believed.
 */
public final class StoredJson {

    private static final JsonMapper STRICT = ((JsonMapper) TimeJson.mapper())
            .rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StoredJson() {}

    /** The value of {@code type} in {@code bytes}. */
    public static <T> T read(byte[] bytes, Class<T> type) throws JsonProcessingException {
        return read(bytes, 0, bytes.length, type);
    }

    /**
     * The value of {@code type} in {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @throws JsonProcessingException with the position of the problem wherever the parser knows it
     */
    public static <T> T read(byte[] bytes, int offset, int length, Class<T> type) throws JsonProcessingException {
        JsonParser parser;
        try {
            parser = STRICT.createParser(bytes, offset, length);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, "cannot read: " + e.getMessage());
        }
        try (parser) {
            return STRICT.readValue(parser, type);
        } catch (JsonProcessingException e) {
            if (e.getLocation() == null || e.getLocation().getLineNr() <= 0) {
                // A limit's exception (even wrapped by the mapper) knows no position; the parser does.
                throw new JsonParseException(parser, e.getOriginalMessage(), parser.currentLocation());
            }
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(parser, "cannot read: " + e.getMessage(), parser.currentLocation());
        }
    }
}
