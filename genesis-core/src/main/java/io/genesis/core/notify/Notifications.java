package io.genesis.core.notify;

import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.Classification;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutMilestone;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.secret.Redaction;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.Incident;
import io.genesis.core.watch.WatchEvent;
import io.genesis.core.watch.WatchMilestone;
import io.genesis.core.watch.WatchState;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Turns the milestones of rollouts and watches into notifications. The id is made of what the
 * event is about (the rollout or watch, the kind, the step or incident), never of when it was seen,
 * so an event told again after a restart gets the same id and the outbox keeps only one.
 */
public final class Notifications {

    private Notifications() {}

    /** The notification for a rollout's milestone; none for a rollout that ended having touched nothing. */
    public static Optional<Notification> of(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
        String version = state.request().version().value();
        String key = "of " + state.request().key().application() + " " + version + " to "
                + state.request().key().environment();
        return switch (milestone) {
            case STARTED ->
                Optional.of(rollout(
                        state,
                        event,
                        NotificationKind.ROLLOUT_STARTED,
                        "",
                        "",
                        "rollout " + key + " started (" + state.request().strategy() + ")"));
            case AWAITING_APPROVAL ->
                Optional.of(rollout(
                        state,
                        event,
                        NotificationKind.ROLLOUT_AWAITING_APPROVAL,
                        "." + (state.step() + 1),
                        "",
                        "rollout " + key + " is waiting for approval"));
            case ENDED -> ended(state, event, key);
        };
    }

    private static Optional<Notification> ended(RolloutState state, RolloutEvent event, String key) {
        if (state.outcome() == null) {
            return Optional.empty();
        }
        RecordStatus status = state.outcome().status();
        NotificationKind kind = switch (status) {
            case SUCCEEDED -> NotificationKind.ROLLOUT_PROMOTED;
            case ROLLED_BACK -> NotificationKind.ROLLOUT_ROLLED_BACK;
            case FAILED -> NotificationKind.ROLLOUT_FAILED;
            case ABORTED -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        String summary = switch (kind) {
            case ROLLOUT_PROMOTED -> "rollout " + key + " succeeded: the new version takes all traffic";
            case ROLLOUT_ROLLED_BACK ->
                "rollout " + key + " was rolled back: " + state.outcome().reason();
            default -> "rollout " + key + " failed: " + state.outcome().reason();
        };
        return Optional.of(rollout(state, event, kind, "", status.name(), summary));
    }

    private static Notification rollout(
            RolloutState state,
            RolloutEvent event,
            NotificationKind kind,
            String suffix,
            String status,
            String summary) {
        return notification(
                state.id().value() + "." + kind.word() + suffix,
                kind,
                state.request().key(),
                state.request().version().value(),
                state.id().value(),
                "",
                null,
                status,
                event.at(),
                summary,
                event.message());
    }

    /** The notification for a watch's milestone. */
    public static Notification of(WatchMilestone milestone, WatchState state, Incident incident, WatchEvent event) {
        DeploymentKey key = state.request().key();
        String version = state.request().version().value();
        String what = key.application() + " " + version + " in " + key.environment();
        String watch = state.id().value();
        String rollout = state.request().rolloutId();
        if (milestone == WatchMilestone.ENDED) {
            Integer critical = state.incidents().stream()
                    .filter(i -> i.severity() == Classification.CRITICAL)
                    .max(Comparator.comparingInt(Incident::number))
                    .map(Incident::number)
                    .orElse(null);
            String verdict =
                    state.outcome() == null ? "" : state.outcome().verdict().name();
            String why = state.outcome() == null ? "" : ": " + state.outcome().reason();
            return notification(
                    watch + "." + NotificationKind.WATCH_ENDED.word(),
                    NotificationKind.WATCH_ENDED,
                    key,
                    version,
                    rollout,
                    watch,
                    critical,
                    verdict,
                    event.at(),
                    "watch of " + what + " ended " + verdict + why,
                    event.message());
        }
        NotificationKind kind = switch (milestone) {
            case WARNING -> NotificationKind.WATCH_WARNING;
            case CRITICAL -> NotificationKind.WATCH_CRITICAL;
            default -> NotificationKind.WATCH_RESOLVED;
        };
        String summary = switch (kind) {
            case WATCH_WARNING -> "warning: incident " + incident.number() + " on " + what + ": " + incident.reason();
            case WATCH_CRITICAL -> "critical: incident " + incident.number() + " on " + what + ": " + incident.reason();
            default -> "resolved: incident " + incident.number() + " on " + what + ", " + incident.resolution();
        };
        return notification(
                watch + "." + kind.word() + "." + incident.number(),
                kind,
                key,
                version,
                rollout,
                watch,
                incident.number(),
                "",
                event.at(),
                summary,
                event.message());
    }

    private static Notification notification(
            String id,
            NotificationKind kind,
            DeploymentKey key,
            String version,
            String rollout,
            String watch,
            Integer incident,
            String status,
            Instant at,
            String summary,
            String detail) {
        return new Notification(
                Notification.SCHEMA,
                id,
                kind,
                key.application(),
                key.environment(),
                version,
                rollout,
                watch,
                incident,
                status,
                at,
                Redaction.text(summary),
                Redaction.text(detail));
    }
}
