package io.genesis.kubernetes.workload;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 6902 JSON patch. Genesis changes Deployments with JSON patches rather than merge
 * patches: they address one list element precisely (a container's image) where a merge patch
 * would have to replace the whole list.
 */
public final class JsonPatch {

    private final List<Map<String, Object>> operations = new ArrayList<>();

    /** Fails the whole patch unless {@code path} holds {@code value}: guards list indexes. */
    public JsonPatch test(String path, Object value) {
        return op("test", path, value);
    }

    public JsonPatch replace(String path, Object value) {
        return op("replace", path, value);
    }

    public JsonPatch add(String path, Object value) {
        return op("add", path, value);
    }

    /**
     * Sets annotations, creating the annotations map when {@code existing} is null (a JSON patch
     * cannot add a key to a map that does not exist).
     */
    public JsonPatch annotations(Map<String, String> existing, Map<String, String> values) {
        if (existing == null) {
            return add("/metadata/annotations", new LinkedHashMap<>(values));
        }
        values.forEach((key, value) -> add("/metadata/annotations/" + escape(key), value));
        return this;
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public String toJson() {
        return Serialization.asJson(operations);
    }

    /** Escapes a map key for a JSON pointer: {@code genesis.io/rollout} → {@code genesis.io~1rollout}. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private JsonPatch op(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        operation.put("value", value);
        operations.add(operation);
        return this;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
