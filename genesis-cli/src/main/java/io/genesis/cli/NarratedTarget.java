package io.genesis.cli;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A target that says what it waits for. The engine polls a target's health every half second until it is
 * healthy, unhealthy or the deadline passes, and says nothing until then; a person watching a candidate
 * that never becomes healthy saw minutes of silence. This one passes every call on and, while an answer
 * stays "not yet", prints a line every {@link #EVERY}: what is probed, its last answer, how long so far
 * and the deadline.
 */
final class NarratedTarget implements DeploymentTarget {

    /** How often a line is printed while an answer stays "not yet". */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final DeploymentTarget target;
    private final Consumer<String> say;
    private final Clock clock;
    private final Duration deadline;
    /** Since when each kind of wait (health, promote, ...) of each rollout has been answered "not yet". */
    private final Map<String, Instant[]> waiting = new ConcurrentHashMap<>();

    NarratedTarget(DeploymentTarget target, Consumer<String> say, Clock clock, Duration deadline) {
        this.target = Objects.requireNonNull(target, "target");
        this.say = Objects.requireNonNull(say, "say");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** Opens every target through {@code targets}, narrated. */
    static TargetFactory narrating(TargetFactory targets, Consumer<String> say, Clock clock, Duration deadline) {
        return (DeploymentKey key, TargetSpec spec) ->
                new NarratedTarget(targets.open(key, spec), say, clock, deadline);
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void deployCandidate(DeploymentContext context) {
        target.deployCandidate(context);
    }

    @Override
    public Health health(DeploymentContext context) {
        return narrate(context, "the candidate to be healthy", () -> target.health(context));
    }

    @Override
    public Health smokeCheck(DeploymentContext context) {
        return narrate(context, "the smoke check to pass", () -> target.smokeCheck(context));
    }

    @Override
    public void promote(DeploymentContext context) {
        target.promote(context);
    }

    @Override
    public Health promoted(DeploymentContext context) {
        return narrate(context, "the candidate to be promoted", () -> target.promoted(context));
    }

    @Override
    public void scaleDownPrevious(DeploymentContext context) {
        target.scaleDownPrevious(context);
    }

    @Override
    public Health prepareRollback(DeploymentContext context) {
        return narrate(context, "the previous version to be ready", () -> target.prepareRollback(context));
    }

    @Override
    public void rollback(DeploymentContext context) {
        target.rollback(context);
    }

    @Override
    public Health trafficRestored(DeploymentContext context) {
        return narrate(context, "traffic to be back on the stable version", () -> target.trafficRestored(context));
    }

    @Override
    public Duration abandonedScaleDownDelay() {
        return target.abandonedScaleDownDelay();
    }

    @Override
    public void retireCandidate(DeploymentContext context) {
        target.retireCandidate(context);
    }

    @Override
    public Optional<TrafficRouter> trafficRouter() {
        return target.trafficRouter();
    }

    @Override
    public Optional<RollingUpdater> rollingUpdater() {
        return target.rollingUpdater();
    }

    @Override
    public Optional<java.net.URI> previewUrl(DeploymentContext context) {
        return target.previewUrl(context);
    }

    private Health narrate(DeploymentContext context, String what, Supplier<Health> ask) {
        String key = context.rolloutId() + " " + what;
        Health answer = ask.get();
        Instant now = clock.instant();
        if (answer.state() != Health.State.PROGRESSING) {
            waiting.remove(key);
            return answer;
        }
        // [0]: since when it has been waiting; [1]: when the last line was printed.
        Instant[] times = waiting.computeIfAbsent(key, k -> new Instant[] {now, now});
        if (!now.isBefore(times[1].plus(EVERY))) {
            times[1] = now;
            say.accept("still waiting for " + what + " on " + target.describe() + " ("
                    + Durations.format(Duration.between(times[0], now)) + " of at most " + Durations.format(deadline)
                    + "); last answer: " + answer.message());
        }
        return answer;
    }
}
