package io.genesis.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as the plain tree the engine's policy binder reads (maps, lists, strings,
 * numbers, booleans), with where each value starts, so that a problem the binder names by path
 * ({@code environments[1].minPassRate}) is shown at its line and column.
 *
 * @param root the document, or {@code null} when it is empty
 * @param locations the line and column of each path
 */
record YamlTree(Object root, Map<String, JsonLocation> locations) {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    YamlTree {
        locations = Map.copyOf(locations);
    }

    /** Reads {@code content}; syntax errors are Jackson's, with their location. */
    static YamlTree parse(String content) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            try {
                JsonToken first = parser.nextToken();
                Object root = first == null ? null : value(parser, "", locations);
                return new YamlTree(root, locations);
            } catch (JsonProcessingException e) {
                if (e.getLocation() == null || e.getLocation().getLineNr() <= 0) {
                    // A limit's exception (nesting depth) knows no position; the parser does.
                    throw new JsonParseException(parser, e.getOriginalMessage(), parser.currentLocation());
                }
                throw e;
            }
        }
    }

    /** {@code line 3, column 21} for {@code path} or the nearest enclosing path that has one. */
    String where(String path) {
        String current = path;
        while (!current.isEmpty()) {
            JsonLocation location = locations.get(current);
            if (location != null) {
                return "line " + location.getLineNr() + ", column " + location.getColumnNr();
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return "";
    }

    private static Object value(JsonParser parser, String path, Map<String, JsonLocation> locations)
            throws IOException {
        if (!path.isEmpty()) {
            locations.putIfAbsent(path, parser.currentTokenLocation());
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    locations.put(child, parser.currentTokenLocation());
                    parser.nextToken();
                    map.put(name, value(parser, child, locations));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, path + "[" + list.size() + "]", locations));
                }
                yield list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
    }
}
