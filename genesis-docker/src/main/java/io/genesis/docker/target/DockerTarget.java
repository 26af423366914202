package io.genesis.docker.target;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TrafficRouter;
import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.EngineException;
import io.genesis.docker.engine.ImageInfo;
import io.genesis.docker.engine.RegistryAuth;
import io.genesis.docker.proxy.Haproxy;
import io.genesis.docker.proxy.ProxyServer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One application in one environment on a Docker host: containers labelled by rollout, slot and version
 * behind the HAProxy Genesis owns for it. Nothing is kept in memory between calls (but the containers read
 * last, which stand in while the engine restarts: {@link #replicas()}): which containers are
 * the candidate (labelled with the rollout's id), which the stable or previous version (all others), and
 * where traffic goes (the proxy's weights) are read from the engine and the proxy each time, so any genesis
 * process can carry on or roll back a rollout another one started.
 *
 * <p>Blue-green and canary start the candidate's containers in the idle slot beside the live ones at
 * weight 0 and move weights; promote gives the candidate all traffic and keeps the previous containers at
 * weight 0 until {@link #scaleDownPrevious}. Rolling starts the candidate's containers batch by batch and
 * retires as many stable ones once each batch is healthy. Rollback moves the weights back in one exchange
 * with the proxy; only when the previous containers are gone are they started again first.
 */
public final class DockerTarget implements DeploymentTarget, TrafficRouter, RollingUpdater {

    private static final Duration RESTART_PREVIOUS = Duration.ofSeconds(60);

    private final DeploymentKey key;
    private final DockerSettings settings;
    private final EngineClient engine;
    private final Haproxy proxy;
    private final ContainerLauncher launcher;
    private final ContainerHealth health;
    private final Consumer<String> log;
    /** The containers read last from the engine by this process; see {@link #replicas()}. */
    private volatile List<ContainerState> lastRead;

    public DockerTarget(
            DeploymentKey key,
            DockerSettings settings,
            EngineClient engine,
            Haproxy proxy,
            HttpClient http,
            RegistryAuth auth,
            Consumer<String> log) {
        this.key = key;
        this.settings = settings;
        this.engine = engine;
        this.proxy = proxy;
        this.launcher = new ContainerLauncher(key, settings, engine, proxy, auth, log);
        this.health = new ContainerHealth(engine, http, settings.healthPath());
        this.log = log;
    }

    @Override
    public String describe() {
        return "docker " + key.application() + "/" + key.environment() + " on " + engine.host() + " (proxy 127.0.0.1:"
                + settings.proxyPort() + ")";
    }

    public DockerSettings settings() {
        return settings;
    }

    @Override
    public void deployCandidate(DeploymentContext context) {
        start(context, settings.replicas(), settings.replicas(), "blueGreen", Map.of());
    }

    /**
     * Starts a batch within {@code bounds} as a Kubernetes Deployment would: stable containers are stopped
     * early as far as the unavailability allows, candidates started as far as the surge allows; the
     * batch goes on in {@link #health} as candidates become healthy. Candidates already at weight count as
     * ready here, so this call probes nothing.
     */
    @Override
    public void rollTo(DeploymentContext context, Percentage share, RollingBounds bounds) {
        proxy.ensureRunning(settings.proxyPort());
        RollingBudget budget = RollingBudget.of(settings.replicas(), bounds);
        RollingBudget.Batch batch = new RollingBudget.Batch(budget, budget.wanted(share.value()));
        List<Replica> all = replicas();
        if (candidates(context, all).isEmpty()) {
            retireIdle(context, all);
            all = replicas();
        }
        List<Replica> mine = candidates(context, all);
        List<Replica> ready = mine.stream().filter(Replica::serving).toList();
        roll(context, batch, all, ready.size(), mine.size() - ready.size());
    }

    @Override
    public Health health(DeploymentContext context) {
        List<Replica> all = replicas();
        List<Replica> mine = candidates(context, all);
        if (mine.stream().anyMatch(Replica::rolling)) {
            return rollingHealth(context, all, mine);
        }
        return health.of(mine, describe(context, mine));
    }

    @Override
    public Health smokeCheck(DeploymentContext context) {
        List<Replica> mine = candidates(context, replicas());
        return health.smoke(mine, describe(context, mine));
    }

    @Override
    public void setWeight(DeploymentContext context, Percentage weight) {
        List<Replica> all = replicas();
        List<Replica> mine = candidates(context, all);
        if (mine.isEmpty() && weight.value() > 0) {
            throw new TargetException("cannot send " + weight + " of " + key + " to " + context.version()
                    + ": no container of rollout " + context.rolloutId() + " runs; deploy it first");
        }
        Map<String, Integer> weights = split(all, mine, Weights.percent(weight));
        weigh(weights, all);
        log.accept("proxy: " + Weights.percent(weight) + " % of " + key + " to " + context.version() + " " + weights);
    }

    @Override
    public boolean verifyWeight(DeploymentContext context, Percentage weight) {
        List<Replica> all = replicas();
        Map<String, Integer> expected = split(all, candidates(context, all), Weights.percent(weight));
        Map<String, ProxyServer> servers = proxy.servers();
        // A container the proxy does not have takes no traffic: weight 0.
        return expected.entrySet().stream()
                .allMatch(entry -> (servers.containsKey(entry.getKey())
                                ? servers.get(entry.getKey()).weight()
                                : 0)
                        == entry.getValue());
    }

    @Override
    public void promote(DeploymentContext context) {
        List<Replica> all = replicas();
        List<Replica> mine = candidates(context, all);
        if (mine.isEmpty()) {
            throw new TargetException("cannot promote " + context.version() + " in " + key
                    + ": no container of rollout " + context.rolloutId() + " runs");
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        others(context, all).forEach(replica -> weights.put(replica.name(), 0));
        mine.forEach(replica -> weights.put(replica.name(), 100));
        weigh(weights, all);
        log.accept("proxy: all traffic of " + key + " to " + context.version() + "; previous containers kept at"
                + " weight 0");
        if (mine.stream().anyMatch(Replica::rolling)) {
            others(context, all).forEach(this::retire);
        }
    }

    @Override
    public void scaleDownPrevious(DeploymentContext context) {
        for (Replica replica : others(context, replicas())) {
            if (replica.serving()) {
                throw new TargetException("refusing to stop " + replica.name() + " of " + key + ": it still takes "
                        + "traffic (weight " + replica.weight() + "); promote or roll back first");
            }
            retire(replica);
        }
    }

    @Override
    public void rollback(DeploymentContext context) {
        List<Replica> all = replicas();
        List<Replica> mine = candidates(context, all);
        List<Replica> previous = running(others(context, all));
        if (previous.isEmpty()
                && !mine.isEmpty()
                && !mine.get(0).container().label(Labels.PREVIOUS_IMAGE).isEmpty()) {
            previous = restartPrevious(context, mine.get(0));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        previous.forEach(replica -> weights.put(replica.name(), 100));
        mine.forEach(replica -> weights.put(replica.name(), 0));
        List<Replica> both = new ArrayList<>(previous);
        both.addAll(mine);
        weigh(weights, both);
        log.accept(
                previous.isEmpty()
                        ? "proxy: nothing served " + key + " before " + context.version() + "; it takes no more traffic"
                        : "proxy: traffic of " + key + " back on " + names(previous));
    }

    @Override
    public void retireCandidate(DeploymentContext context) {
        List<Replica> all = replicas();
        candidates(context, all).forEach(this::retire);
    }

    @Override
    public Optional<TrafficRouter> trafficRouter() {
        return Optional.of(this);
    }

    @Override
    public Optional<RollingUpdater> rollingUpdater() {
        return Optional.of(this);
    }

    /** The containers of {@code context}'s rollout. */
    List<Replica> candidatesOf(DeploymentContext context) {
        return candidates(context, replicas());
    }

    /**
     * Every container of this application and environment, with its weight in the proxy now. While the
     * engine does not answer (it restarts), the containers this target read last stand in, as they do for
     * the metric source: the weights live in the proxy, which keeps running, so a rollback can move traffic
     * back at once instead of waiting out the engine; whatever needs the engine itself still fails.
     */
    List<Replica> replicas() {
        Map<String, ProxyServer> servers = proxy.answers()
                ? proxy.servers()
                : proxy.config().map(config -> config.servers()).orElse(Map.of());
        List<ContainerState> containers;
        try {
            containers = engine.listContainers(Labels.of(key));
            lastRead = containers;
        } catch (EngineException e) {
            if (e.status() != 0 || lastRead == null) {
                throw e;
            }
            containers = lastRead;
        }
        List<Replica> replicas = new ArrayList<>();
        for (ContainerState container : containers) {
            ProxyServer server = servers.get(container.name());
            int weight = server != null && String.valueOf(server.port()).equals(container.label(Labels.PORT))
                    ? server.weight()
                    : 0;
            replicas.add(new Replica(container, weight));
        }
        replicas.sort(Comparator.comparing(Replica::name));
        return replicas;
    }

    /** Removes containers left by rollouts that ended: idle ones take no traffic and hold the other slot. */
    private void retireIdle(DeploymentContext context, List<Replica> all) {
        others(context, all).stream().filter(replica -> !replica.serving()).forEach(this::retire);
    }

    /** Starts up to {@code atMost} missing containers among numbers 1 to {@code count} of the candidate. */
    private void start(DeploymentContext context, int count, int atMost, String strategy, Map<String, String> more) {
        proxy.ensureRunning(settings.proxyPort());
        List<Replica> all = replicas();
        List<Replica> mine = candidates(context, all);
        if (mine.isEmpty()) {
            retireIdle(context, all);
        }
        List<Replica> others = others(context, all);
        List<Replica> live = others.stream().filter(Replica::serving).toList();
        String liveSlot = live.isEmpty() ? "green" : live.get(0).slot();
        String slot = liveSlot.equals("blue") ? "green" : "blue";
        if (!mine.isEmpty()) {
            slot = mine.get(0).slot();
        }
        ImageInfo image = launcher.image(settings.image());
        String previousImage = live.isEmpty() ? "" : live.get(0).container().label(Labels.IMAGE);
        String previousVersion = live.isEmpty() ? "" : live.get(0).version();
        Set<Integer> ports = new HashSet<>();
        all.forEach(replica -> ports.add(replica.port()));
        Set<Integer> have = new HashSet<>();
        mine.forEach(replica -> have.add(replica.index()));
        int started = 0;
        for (int index = 1; index <= count && started < atMost; index++) {
            if (!have.contains(index)) {
                started++;
                launcher.start(
                        new ContainerLauncher.Launch(
                                context.rolloutId(),
                                context.version().value(),
                                slot,
                                index,
                                image,
                                strategy,
                                previousImage,
                                previousVersion,
                                more),
                        ports);
                log.accept("docker: started " + key.application() + "-" + key.environment() + "-" + slot + "-" + index
                        + " of " + context.version() + " (image " + image.reference() + ", " + image.digest() + ")"
                        + " at weight 0");
            }
        }
    }

    /**
     * A rolling batch's progress: newly healthy candidates get their weight, then the batch moves on as far
     * as its budget allows ({@link RollingBudget#next}); healthy once the batch is done.
     */
    private Health rollingHealth(DeploymentContext context, List<Replica> all, List<Replica> mine) {
        String what = describe(context, mine);
        RollingBudget.Batch batch = mine.stream()
                .map(replica ->
                        RollingBudget.Batch.parse(replica.container().label(Labels.ROLLING_BATCH), settings.replicas()))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(RollingBudget.Batch::wanted))
                .orElseThrow(() -> new TargetException("the rolling containers of " + key + " carry no readable "
                        + Labels.ROLLING_BATCH + " label; roll back and deploy again"));
        Map<String, Integer> weights = new LinkedHashMap<>();
        int ready = 0;
        String waiting = "";
        for (Replica replica : mine) {
            Health one = health.of(replica, what);
            if (one.state() == Health.State.UNHEALTHY) {
                return one;
            }
            if (one.isHealthy()) {
                ready++;
                if (!replica.serving()) {
                    weights.put(replica.name(), 100);
                }
            } else {
                waiting = " (" + one.message() + ")";
            }
        }
        if (!weights.isEmpty()) {
            weigh(weights, mine);
            log.accept("proxy: " + weights.keySet() + " of " + context.version() + " healthy, at full weight");
        }
        RollingBudget.Counts after = roll(context, batch, replicas(), ready, mine.size() - ready);
        String count = after.ready() + " of " + batch.wanted() + " containers of " + what + " ready, " + after.stable()
                + " of the previous version serving";
        return batch.budget().done(batch.wanted(), after)
                ? Health.healthy(count + "; " + after.ready() + " of " + settings.replicas() + " containers run "
                        + context.version())
                : Health.progressing(count + waiting);
    }

    /**
     * One move of {@code batch}: stops the stable containers its floor allows (highest number first), then
     * starts the candidates its ceiling allows; returns the counts after the move.
     */
    private RollingBudget.Counts roll(
            DeploymentContext context, RollingBudget.Batch batch, List<Replica> all, int ready, int starting) {
        List<Replica> stable = new ArrayList<>(
                running(others(context, all)).stream().filter(Replica::serving).toList());
        stable.sort(Comparator.comparing(Replica::index).reversed());
        RollingBudget.Counts now = new RollingBudget.Counts(stable.size(), ready, starting);
        RollingBudget.Moves moves = batch.budget().next(batch.wanted(), now);
        for (int i = 0; i < moves.stopStable(); i++) {
            retire(stable.get(i));
        }
        if (moves.startCandidates() > 0) {
            start(
                    context,
                    settings.replicas(),
                    moves.startCandidates(),
                    Labels.ROLLING,
                    Map.of(Labels.ROLLING_BATCH, batch.label()));
        }
        return new RollingBudget.Counts(stable.size() - moves.stopStable(), ready, starting + moves.startCandidates());
    }

    /** Starts the previous version again from the image its successor recorded, and waits until it is healthy. */
    private List<Replica> restartPrevious(DeploymentContext context, Replica successor) {
        String image = successor.container().label(Labels.PREVIOUS_IMAGE);
        String version = successor.container().label(Labels.PREVIOUS_VERSION);
        log.accept("docker: the previous containers of " + key + " are gone; starting " + version + " (" + image
                + ") again, which is not instant");
        String rollout = "restore-" + Integer.toHexString(context.rolloutId().hashCode());
        String slot = successor.slot().equals("blue") ? "green" : "blue";
        ImageInfo info = launcher.image(image);
        Set<Integer> ports = new HashSet<>();
        replicas().forEach(replica -> ports.add(replica.port()));
        for (int index = 1; index <= settings.replicas(); index++) {
            launcher.start(
                    new ContainerLauncher.Launch(rollout, version, slot, index, info, "restore", "", "", Map.of()),
                    ports);
        }
        long deadline = System.nanoTime() + RESTART_PREVIOUS.toNanos();
        while (true) {
            List<Replica> restored = replicas().stream()
                    .filter(replica -> rollout.equals(replica.rollout()))
                    .toList();
            Health verdict = health.of(restored, version);
            if (verdict.isHealthy()) {
                return restored;
            }
            if (verdict.state() == Health.State.UNHEALTHY || System.nanoTime() > deadline) {
                throw new TargetException("cannot roll " + key + " back: the previous version " + version
                        + " did not become healthy again: " + verdict);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while starting " + version + " again", e);
            }
        }
    }

    private Map<String, Integer> split(List<Replica> all, List<Replica> mine, int percent) {
        List<String> stable = running(others(mine.isEmpty() ? null : mine.get(0).rollout(), all)).stream()
                .map(Replica::name)
                .toList();
        return Weights.split(stable, mine.stream().map(Replica::name).toList(), percent);
    }

    /**
     * Sets {@code weights} in one exchange with the proxy. A container that runs but is not in the proxy (its
     * genesis process was killed between starting it and adding it) takes no traffic: at weight 0 it is left
     * out, above 0 it joins first, on the port its label names.
     */
    private void weigh(Map<String, Integer> weights, List<Replica> replicas) {
        Map<String, ProxyServer> servers = proxy.servers();
        Map<String, Integer> applied = new LinkedHashMap<>();
        weights.forEach((name, weight) -> {
            if (!servers.containsKey(name)) {
                if (weight == 0) {
                    return;
                }
                Replica replica = replicas.stream()
                        .filter(candidate -> candidate.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new TargetException("cannot weigh " + name + " of " + key
                                + ": the proxy does not have it and no container of that name runs"));
                proxy.add(new ProxyServer(name, replica.port(), 0));
                log.accept(
                        "proxy: " + name + " was not in the proxy (its deployer stopped before adding it);" + " added");
            }
            applied.put(name, weight);
        });
        proxy.setWeights(applied);
    }

    /** Takes a container out of the proxy (draining its requests in flight), then removes it. */
    private void retire(Replica replica) {
        proxy.remove(replica.name(), settings.stopGrace());
        engine.stopContainer(replica.container().id(), settings.stopGrace());
        engine.removeContainer(replica.container().id());
        log.accept("docker: removed " + replica.name() + " (" + replica.version() + ")");
    }

    private static List<Replica> candidates(DeploymentContext context, List<Replica> all) {
        return all.stream()
                .filter(replica -> context.rolloutId().equals(replica.rollout()))
                .toList();
    }

    private static List<Replica> others(DeploymentContext context, List<Replica> all) {
        return others(context.rolloutId(), all);
    }

    private static List<Replica> others(String rollout, List<Replica> all) {
        return all.stream()
                .filter(replica -> rollout == null || !rollout.equals(replica.rollout()))
                .toList();
    }

    private static List<Replica> running(List<Replica> replicas) {
        return replicas.stream()
                .filter(replica -> replica.container().running())
                .toList();
    }

    private static String names(List<Replica> replicas) {
        return String.join(", ", replicas.stream().map(Replica::name).toList());
    }

    private static String describe(DeploymentContext context, List<Replica> mine) {
        if (mine.isEmpty()) {
            return context.version().value();
        }
        ContainerState first = mine.get(0).container();
        return context.version() + " (image " + first.label(Labels.IMAGE) + ", " + first.label(Labels.IMAGE_DIGEST)
                + ")";
    }
}
