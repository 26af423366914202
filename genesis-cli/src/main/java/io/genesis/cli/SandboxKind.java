package io.genesis.cli;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.SlotLauncher;
import io.genesis.sandbox.target.MetricScope;
import io.genesis.sandbox.target.SandboxTarget;
import io.genesis.sandbox.target.SandboxTargets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The sandbox as a target kind: sample application versions on this machine behind a weighted proxy on
 * 127.0.0.1, with real traffic from a load generator in this process and metrics from that traffic. The
 * sandbox starts with the first target asked for and lives exactly as long as this process. Stored
 * rollouts carry the id of the sandbox they ran on, so a later process sees a rollout of an ended one as
 * vanished rather than driving its own, empty sandbox in its place.
 *
 * <p>Options ({@code --target-option KEY=VALUE}):
 *
 * <ul>
 *   <li>{@code stable=VERSION}: the version serving before the rollout (default {@code 0.0.0}); the sandbox
 *       starts empty, so this process starts it first
 *   <li>{@code failPercent=N}: the candidate answers N % of requests with HTTP 500 (default 0)
 *   <li>{@code latencyMs=N}: the candidate adds N ms to every answer (default 0)
 *   <li>{@code unhealthy=true}: the candidate's health endpoint answers 503
 *   <li>{@code load=N}: N workers send traffic through the proxy the whole time (default 2, 0 for none)
 * </ul>
 */
final class SandboxKind implements TargetKind {

    static final String NAME = SandboxTargets.KIND;

    /** Stored with each target and metric spec: which sandbox (and so which process) it ran on. */
    static final String INSTANCE = "instance";

    static final String STABLE = "stable";
    static final String FAIL_PERCENT = "failPercent";
    static final String LATENCY_MS = "latencyMs";
    static final String UNHEALTHY = "unhealthy";
    static final String LOAD = "load";

    static final Map<String, String> KNOWN = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            STABLE, "the version serving before the rollout, default 0.0.0",
            FAIL_PERCENT, "share of requests the candidate fails with 500, default 0",
            LATENCY_MS, "milliseconds the candidate adds to each answer, default 0",
            UNHEALTHY, "true makes the candidate's health endpoint answer 503",
            LOAD, "workers sending traffic through the proxy, default 2, 0 for none")));

    /** How long background traffic may run at most; a rollout that takes longer sees no more traffic. */
    private static final Duration LOAD_LIMIT = LoadPlan.MAX_DURATION;

    private final String instance = UUID.randomUUID().toString();
    private final SandboxConfig config;
    private final long minRequests;
    private final Duration thinkTime;
    private final SandboxTargets targets = new SandboxTargets();
    private Sandbox sandbox;
    private RunningLoad load;

    /**
     * @param config the sandbox's settings; its launcher starts the versions (faults given as options are
     *     added to an in-process launcher)
     * @param minRequests the fewest requests a metric sample needs to give readings
     * @param thinkTime each load worker's pause between requests
     */
    SandboxKind(SandboxConfig config, long minRequests, Duration thinkTime) {
        this.config = config;
        this.minRequests = minRequests;
        this.thinkTime = thinkTime;
    }

    /** The sandbox of {@code genesis deploy --target sandbox}: in-process versions, samples of 10 requests. */
    static SandboxKind standard() {
        return new SandboxKind(SandboxConfig.defaults(), 10, Duration.ofMillis(5));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "sample versions behind a weighted proxy on 127.0.0.1, inside this process";
    }

    @Override
    public boolean livesInProcess() {
        return true;
    }

    @Override
    public Set<String> settingNames() {
        return KNOWN.keySet();
    }

    @Override
    public void check(DeploymentKey key, Map<String, String> options) {
        options.forEach((name, value) -> {
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("unknown sandbox option '" + name + "'; known: " + describeKnown());
            }
        });
        Options.parse(options);
    }

    @Override
    public synchronized TargetSpec newTarget(
            DeploymentKey key, Version candidate, Map<String, String> options, Consumer<String> log) {
        check(key, options);
        Options parsed = Options.parse(options);
        if (sandbox == null) {
            sandbox = Sandbox.start(config.withLauncher(launcher(candidate, parsed)));
            log.accept("sandbox started: proxy at " + sandbox.proxyUri() + " (slots and proxy on 127.0.0.1,"
                    + " inside this process)");
        }
        if (targets.find(key).isEmpty()) {
            SandboxTarget target = targets.register(SandboxTarget.start(key, sandbox, parsed.stable()));
            log.accept("sandbox: " + parsed.stable() + " serves all traffic of " + key + " ("
                    + target.stable().id() + ")");
        }
        if (load == null && parsed.workers() > 0) {
            load = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                    .duration(LOAD_LIMIT)
                    .concurrency(parsed.workers())
                    .thinkTime(thinkTime)
                    .requestTimeout(Duration.ofSeconds(5))
                    .build());
            log.accept("sandbox: " + parsed.workers() + " workers send GET / through the proxy, pausing "
                    + thinkTime.toMillis() + " ms between requests");
        }
        Map<String, String> settings = new TreeMap<>(options);
        settings.put(INSTANCE, instance);
        return new TargetSpec(NAME, settings);
    }

    @Override
    public Optional<MetricSpec> metricsFor(DeploymentKey key, TargetSpec target) {
        Map<String, String> settings = new HashMap<>(SandboxTargets.metricSpec(key, MetricScope.CANDIDATE, minRequests)
                .settings());
        settings.put(INSTANCE, target.settings().getOrDefault(INSTANCE, ""));
        return Optional.of(new MetricSpec(NAME, settings));
    }

    @Override
    public synchronized DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        if (ours(spec.settings()) && targets.find(key).isPresent()) {
            return targets.open(key, SandboxTargets.targetSpec());
        }
        return vanished(key.toString());
    }

    @Override
    public synchronized MetricSource openMetrics(MetricSpec spec) {
        Map<String, String> settings = new HashMap<>(spec.settings());
        boolean ours = ours(settings);
        settings.remove(INSTANCE);
        if (ours) {
            return targets.open(new MetricSpec(NAME, settings));
        }
        return vanished(settings.getOrDefault(SandboxTargets.APPLICATION, "?") + " in "
                + settings.getOrDefault(SandboxTargets.ENVIRONMENT, "?"));
    }

    /** The sandbox, once a target has started it. */
    synchronized Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** The background traffic, once it runs. */
    synchronized Optional<RunningLoad> load() {
        return Optional.ofNullable(load);
    }

    /** The target of {@code key} in this process's sandbox. */
    Optional<SandboxTarget> target(DeploymentKey key) {
        return targets.find(key);
    }

    @Override
    public synchronized void close() {
        try {
            if (load != null) {
                load.close();
            }
        } finally {
            load = null;
            if (sandbox != null) {
                Sandbox closing = sandbox;
                sandbox = null;
                closing.close();
            }
        }
    }

    private boolean ours(Map<String, String> settings) {
        return instance.equals(settings.get(INSTANCE));
    }

    private VanishedTarget vanished(String what) {
        return new VanishedTarget(
                "sandbox " + what, "it ran inside the genesis process that deployed it, and that process has ended");
    }

    private SlotLauncher launcher(Version candidate, Options parsed) {
        SlotLauncher base = config.launcher();
        if (parsed.faults().equals(FaultProfile.none())) {
            return base;
        }
        if (!(base instanceof InProcessSlotLauncher inProcess)) {
            throw new IllegalArgumentException("sandbox options " + FAIL_PERCENT + ", " + LATENCY_MS + " and "
                    + UNHEALTHY + " need in-process versions; this sandbox starts them as child processes");
        }
        return inProcess.withFaults(candidate.value(), parsed.faults());
    }

    private static String describeKnown() {
        StringBuilder text = new StringBuilder();
        KNOWN.forEach((name, meaning) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append(" (")
                .append(meaning)
                .append(')'));
        return text.toString();
    }

    /** The options, read and checked. */
    private record Options(String stable, FaultProfile faults, int workers) {

        static Options parse(Map<String, String> options) {
            String stable = options.getOrDefault(STABLE, "0.0.0");
            new Version(stable);
            FaultProfile faults = FaultProfile.none();
            if (options.containsKey(FAIL_PERCENT)) {
                faults = faults.failing(number(FAIL_PERCENT, options.get(FAIL_PERCENT), 100));
            }
            if (options.containsKey(LATENCY_MS)) {
                faults = faults.slowedBy(Duration.ofMillis((long) number(LATENCY_MS, options.get(LATENCY_MS), 60_000)));
            }
            if (options.containsKey(UNHEALTHY)) {
                String flag = options.get(UNHEALTHY).trim().toLowerCase(Locale.ROOT);
                if (!flag.equals("true") && !flag.equals("false")) {
                    throw new IllegalArgumentException("sandbox option " + UNHEALTHY + " must be true or false, got '"
                            + options.get(UNHEALTHY) + "'");
                }
                if (flag.equals("true")) {
                    faults = faults.unhealthy();
                }
            }
            int workers = (int) number(LOAD, options.getOrDefault(LOAD, "2"), LoadPlan.MAX_CONCURRENCY);
            return new Options(stable, faults, workers);
        }

        private static double number(String option, String text, double max) {
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "sandbox option " + option + " must be a number from 0 to " + (long) max + ", got '" + text
                                + "'",
                        e);
            }
            if (!(value >= 0 && value <= max)) {
                throw new IllegalArgumentException("sandbox option " + option + " must be a number from 0 to "
                        + (long) max + ", got '" + text + "'");
            }
            return value;
        }
    }
}
