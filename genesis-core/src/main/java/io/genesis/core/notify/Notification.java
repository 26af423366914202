package io.genesis.core.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, as every channel tells it: the body of a generic webhook, and what
 * Slack and PagerDuty messages are made of. Its JSON form is the documented schema
 * {@value #SCHEMA} (docs/notifications.md); fields are only ever added to it, never renamed.
 *
 * @param schema always {@value #SCHEMA}
 * @param id the idempotency key: the same event always gets the same id, so a receiver drops a repeat
 * @param kind what happened
 * @param application the application
 * @param environment the environment
 * @param version the version deployed or watched
 * @param rollout the rollout's id, or empty
 * @param watch the watch's id, or empty
 * @param incident the watch incident's number, or {@code null}
 * @param status how a rollout ended ({@code SUCCEEDED}, ...) or a watch's verdict, or empty
 * @param at when it happened, on the engine's clock
 * @param summary one line for people
 * @param detail the engine's own line, with measured values where there are any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(
        String schema,
        String id,
        NotificationKind kind,
        String application,
        String environment,
        String version,
        String rollout,
        String watch,
        Integer incident,
        String status,
        Instant at,
        String summary,
        String detail) {

    /** The schema's name and version. */
    public static final String SCHEMA = "genesis.notification/v1";

    public Notification {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("notification schema must be " + SCHEMA + ", got " + schema);
        }
        requireText(id, "id");
        Objects.requireNonNull(kind, "kind");
        requireText(application, "application");
        requireText(environment, "environment");
        version = version == null ? "" : version;
        rollout = rollout == null ? "" : rollout;
        watch = watch == null ? "" : watch;
        status = status == null ? "" : status;
        Objects.requireNonNull(at, "at");
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("notification " + field + " must not be blank");
        }
    }
}
