package io.genesis.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.time.TimeJson;
import java.io.UncheckedIOException;

/** The JSON of notifications and of the messages built from them. */
final class NotificationJson {

    static final ObjectMapper JSON = TimeJson.mapper();

    private NotificationJson() {}

    /** {@code notification} in the documented schema. */
    static byte[] bytes(Notification notification) {
        return bytes((Object) notification);
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write a notification as JSON", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
