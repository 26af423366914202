package io.genesis.core.watch;

import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one rule for the watch that follows a rollout: a rollout that ended {@code SUCCEEDED} in an
 * environment whose {@code watchWindow()} is over zero is watched for that window, with the metric
 * source and thresholds the rollout itself was analysed with, and a critical incident rolls that
 * rollout back. The CLI and the Jenkins plugin both call it once the rollout has ended:
 *
 * <pre>{@code
 * WatchAfterRollout after = new WatchAfterRollout(watcher);
 * WatchAfterRollout.Decision d = after.register(endedState, environment.watchWindow()); // another process runs it
 * WatchAfterRollout.Decision d = after.start(endedState, environment.watchWindow());    // this process runs it
 * log(d.message());   // one line for people, whether a watch started or why none did
 * }</pre>
 *
 * <p>{@link #start} runs the watch on this watcher's scheduler (a Jenkins controller, or a command
 * that stays in the foreground); {@link #register} only stores it, unclaimed, for a long-running
 * watcher of the same store ({@code genesis serve}) to adopt. Neither ever throws for a rollout that
 * calls for no watch: the decision says why none was started.
 */
public final class WatchAfterRollout {

    private final Watcher watcher;

    public WatchAfterRollout(Watcher watcher) {
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    /**
     * What was decided after a rollout.
     *
     * @param watch the watch started or registered, or empty when the rollout calls for none
     * @param message one line for people: which watch, until when, or why there is none
     */
    public record Decision(Optional<WatchId> watch, String message) {
        public Decision {
            Objects.requireNonNull(watch, "watch");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Starts the watch {@code ended} calls for, run by this watcher. */
    public Decision start(RolloutState ended, Duration window) {
        return start(ended, window, Optional.empty());
    }

    /**
     * Starts the watch {@code ended} calls for, run by this watcher, judged by the environment's
     * {@code watchThresholds} where its policy sets them, else by the rollout's own thresholds.
     */
    public Decision start(RolloutState ended, Duration window, Optional<WatchThresholds> environment) {
        return decide(ended, window, environment, watcher::start, "watching");
    }

    /** Stores the watch {@code ended} calls for, for a long-running watcher of the same store to run. */
    public Decision register(RolloutState ended, Duration window) {
        return register(ended, window, Optional.empty());
    }

    /** As {@link #register(RolloutState, Duration)}, judged by the environment's thresholds where set. */
    public Decision register(RolloutState ended, Duration window, Optional<WatchThresholds> environment) {
        return decide(ended, window, environment, watcher::register, "registered watch");
    }

    private Decision decide(
            RolloutState ended,
            Duration window,
            Optional<WatchThresholds> environment,
            Function<WatchRequest, WatchId> how,
            String verb) {
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(window, "window");
        Optional<String> none = reasonForNone(ended, window);
        if (none.isPresent()) {
            return new Decision(Optional.empty(), none.get() + superseded(supersede(ended)));
        }
        WatchRequest request = request(ended, window, environment);
        WatchId id = how.apply(request);
        return new Decision(
                Optional.of(id),
                verb + " " + id + ": version " + request.version().value() + " of " + request.key() + " for "
                        + Durations.format(window)
                        + watcher.view(id)
                                .map(w -> " (until " + w.endsAt() + ")")
                                .orElse("")
                        + ", sampling the " + request.metrics().kind() + " source"
                        + " every " + Durations.format(request.thresholds().sampleInterval())
                        + "; a critical incident rolls back rollout " + ended.id());
    }

    /**
     * A rollout that succeeded but starts no watch of its own (no window, no metric source, or its
     * target ends with the deploying process) still replaces the version watched: every running watch
     * of its application and environment but its own ends as {@link WatchVerdict#SUPERSEDED}, recorded
     * with this rollout's id. A rollout that did not succeed supersedes nothing.
     *
     * @return the watches superseded
     */
    public List<WatchId> supersede(RolloutState ended) {
        Objects.requireNonNull(ended, "ended");
        if (ended.stage() != Stage.DONE
                || ended.outcome() == null
                || ended.outcome().status() != RecordStatus.SUCCEEDED) {
            return List.of();
        }
        String rollout = ended.id().value();
        List<WatchId> superseded = new ArrayList<>();
        for (WatchState older : watcher.runningOf(ended.request().key())) {
            // Not its own watch, nor one started after it succeeded (the same rollout heard again later).
            if (!older.request().rolloutId().equals(rollout)
                    && older.startedAt().isBefore(ended.outcome().endedAt())) {
                watcher.askToEnd(
                        older.id(),
                        WatchVerdict.SUPERSEDED,
                        "superseded by rollout " + rollout + " (version "
                                + ended.request().version().value() + "), which started no watch of its own");
                superseded.add(older.id());
            }
        }
        return superseded;
    }

    private static String superseded(List<WatchId> watches) {
        return watches.isEmpty()
                ? ""
                : "; it supersedes " + watches.stream().map(WatchId::value).collect(Collectors.joining(", "));
    }

    private static Optional<String> reasonForNone(RolloutState ended, Duration window) {
        RolloutRequest asked = ended.request();
        if (ended.stage() != Stage.DONE || ended.outcome() == null) {
            return Optional.of("no watch: rollout " + ended.id() + " has not ended yet");
        }
        if (ended.outcome().status() != RecordStatus.SUCCEEDED) {
            return Optional.of("no watch: rollout " + ended.id() + " ended "
                    + ended.outcome().status() + ", so version "
                    + asked.version().value() + " is not live");
        }
        if (window.isZero() || window.isNegative()) {
            return Optional.of("no watch: " + asked.key().environment()
                    + " has no watch window (watchHours 0); set watchHours for it to watch each successful rollout");
        }
        if (asked.metrics() == null) {
            return Optional.of("no watch: rollout " + ended.id() + " named no metric source, so nothing could be"
                    + " sampled; give the deploy a metric source (such as a Prometheus server) to have it watched");
        }
        return Optional.empty();
    }

    private static WatchRequest request(RolloutState ended, Duration window, Optional<WatchThresholds> environment) {
        RolloutRequest asked = ended.request();
        MetricSpec metrics = asked.metrics();
        WatchRequest request = WatchRequest.of(
                asked.key(),
                asked.version(),
                ended.id().value(),
                metrics,
                environment.map(WatchThresholds::thresholds).orElse(asked.analysis()),
                window,
                asked.initiator());
        return environment
                .map(set -> request.withRecoverySamples(set.recoverySamples()))
                .orElse(request);
    }
}
