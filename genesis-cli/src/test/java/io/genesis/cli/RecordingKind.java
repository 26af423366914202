package io.genesis.cli;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A target kind for command tests: the engine tests' recording target and scripted metrics, which outlive
 * any one command like a real cluster does (so they are not "in process"). No servers, no waiting.
 */
final class RecordingKind implements TargetKind {

    static final String NAME = "recording";

    final ScriptedMetricSource metrics = new ScriptedMetricSource();
    final RecordingTarget target = RecordingTarget.capable(
            "recording shop", new ManualClock(Clock.systemUTC().instant()), "1.0.0");
    int closed;

    /** The lock this kind keeps with its targets; none (the state directory's) unless a test sets one. */
    Optional<RolloutLock> lock = Optional.empty();

    /** A host whose commands see this kind (and the standard sandbox), no terminal, and poll every 20 ms. */
    Host host() {
        return new Host(
                Clock.systemUTC(),
                () -> new TargetKinds(List.of(this, SandboxKind.standard())),
                Optional.empty(),
                "tester",
                Duration.ofMillis(20));
    }

    /**
     * {@code genesis deploy} of {@code application} {@code version} to staging on this kind with the plan
     * {@code steps}, its state in {@code state}.
     */
    Run deployToStaging(Path state, String application, String version, String steps) {
        return Run.on(
                host(),
                CommandLines.deploy(
                        state,
                        application,
                        "--environment",
                        "staging",
                        "--target",
                        NAME,
                        "--version",
                        version,
                        "--steps",
                        steps));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "an in-memory target for tests";
    }

    /** Whether this kind plays a target that lives inside the deploying process (as the sandbox does). */
    boolean inProcess;

    @Override
    public boolean livesInProcess() {
        return inProcess;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of();
    }

    @Override
    public void check(DeploymentKey key, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the recording target takes no options, got " + options.keySet());
        }
    }

    @Override
    public TargetSpec newTarget(
            DeploymentKey key, Version candidate, Map<String, String> options, Consumer<String> log) {
        check(key, options);
        return TargetSpec.of(NAME);
    }

    @Override
    public Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target) {
        return Optional.of(MetricSpec.of(NAME));
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return target;
    }

    @Override
    public MetricSource openMetrics(MetricSpec spec) {
        return metrics;
    }

    @Override
    public Optional<RolloutLock> lock(TargetSpec spec) {
        return lock;
    }

    @Override
    public void close() {
        closed++;
    }
}
