package io.genesis.cli;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.engine.DockerHost;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.EngineException;
import io.genesis.docker.sample.SampleImages;
import io.genesis.docker.sample.SampleTraffic;
import io.genesis.docker.target.DockerSettings;
import io.genesis.docker.target.DockerTarget;
import io.genesis.docker.target.DockerTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo on a Docker engine: the sample service's images built on it (no registry), each version a
 * container on the host network behind the HAProxy Genesis runs on 127.0.0.1, users' traffic through that
 * proxy. The proxy's directory and lock live in the demo's work directory; {@link #close()} removes the
 * demo's containers and stops its proxy. The images stay, so a second run starts at once.
 */
final class DockerDemoStage implements DemoStage {

    static final String REPOSITORY = "genesis-demo";
    private static final Duration USERS_LIMIT = Duration.ofMinutes(10);

    private final DockerTargets targets;
    private final DockerKind kind;
    private final EngineClient engine;
    private final Map<String, String> settings;
    private final Map<String, String> images = new HashMap<>();
    private final int proxyPort;
    private SampleTraffic users;
    private boolean serving;

    private DockerDemoStage(DockerTargets targets, EngineClient engine, Map<String, String> settings, int proxyPort) {
        this.targets = targets;
        this.kind = new DockerKind(targets, 10);
        this.engine = engine;
        this.settings = settings;
        this.proxyPort = proxyPort;
    }

    /**
     * The stage on the engine {@code options} or the environment name, with its images built.
     *
     * @throws DemoUnavailable when no engine answers or haproxy is missing, saying what was tried and how
     *     to start one
     */
    static DockerDemoStage open(
            Map<String, String> options, Map<String, String> environment, Path home, Path work, PrintWriter out)
            throws DemoUnavailable {
        for (String name : options.keySet()) {
            if (!List.of(DockerSettings.HOST, DockerSettings.TLS, DockerSettings.PROXY_PORT)
                    .contains(name)) {
                throw new DemoUnavailable("genesis demo --target docker: unknown --target-option '" + name
                        + "'; the demo takes host, tlsCertPath and proxyPort");
            }
        }
        Map<String, String> settings = new HashMap<>(options);
        settings.putIfAbsent(DockerSettings.PROXY_PORT, Integer.toString(freePort()));
        settings.put(DockerSettings.PROXY_DIR, work.resolve("docker").toString());
        settings.put(DockerSettings.STOP_GRACE, "1");
        settings.put(DockerSettings.REPLICAS, "2");
        settings.put(DockerSettings.IMAGE, REPOSITORY + ":base");
        DockerTargets targets = new DockerTargets(environment, home, "haproxy", Clock.systemUTC());
        DockerSettings parsed;
        try {
            parsed = DockerSettings.from(settings, environment, home);
        } catch (IllegalArgumentException e) {
            throw new DemoUnavailable("genesis demo --target docker: " + e.getMessage());
        }
        DockerHost host = parsed.host();
        EngineClient engine = targets.engine(host);
        try {
            String version = engine.version();
            out.println("genesis demo: Docker engine " + version + " at " + host.describe());
        } catch (EngineException e) {
            throw new DemoUnavailable("genesis demo --target docker: no Docker engine answered at " + host.describe()
                    + (options.containsKey(DockerSettings.HOST)
                            ? " (--target-option host)"
                            : environment.containsKey("DOCKER_HOST")
                                    ? " (DOCKER_HOST)"
                                    : " (the default socket: DOCKER_HOST is not set)")
                    + ": " + e.getMessage() + ".\n  Start one (Debian: apt-get install docker.io haproxy, then"
                    + " systemctl start docker, or run dockerd as root), or point DOCKER_HOST or --target-option"
                    + " host=... at one; 'genesis demo' without --target runs the same story on the sandbox, in this"
                    + " process");
        }
        if (!onPath("haproxy", environment)) {
            throw new DemoUnavailable("genesis demo --target docker: the Docker target routes users through HAProxy,"
                    + " and haproxy is not on the PATH; install it (Debian: apt-get install haproxy), or run 'genesis"
                    + " demo' without --target on the sandbox");
        }
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new DemoUnavailable("genesis demo --target docker: cannot create " + work + ": " + e.getMessage());
        }
        return new DockerDemoStage(targets, engine, settings, parsed.proxyPort());
    }

    /** Why the demo cannot run on Docker here; exit 2 with the message. */
    static final class DemoUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        DemoUnavailable(String message) {
            super(message);
        }
    }

    @Override
    public TargetKind kind() {
        return kind;
    }

    @Override
    public String where() {
        return "containers on " + engine.host() + ", users through HAProxy on 127.0.0.1:" + proxyPort;
    }

    @Override
    public TargetSpec target(DeploymentKey key, Version version, Consumer<String> log) {
        if (images.isEmpty()) {
            build(log);
        }
        if (!serving) {
            serveBefore(key, log);
        }
        Map<String, String> rollout = new HashMap<>(settings);
        rollout.put(DockerSettings.IMAGE, images.get(version.value()));
        return kind.newTarget(key, version, rollout, log);
    }

    private void build(Consumer<String> log) {
        log.accept("docker: building the demo's images on the engine from this machine's JDK (no registry;"
                + " the first time takes a minute)");
        SampleImages builder = new SampleImages(engine, Path.of(settings.get(DockerSettings.PROXY_DIR)), REPOSITORY);
        String healthy = builder.base();
        String faulty = builder.variant("faulty", "ENV FAIL_PERCENT=" + (int) Demo.FAULTY_PERCENT);
        for (String version : List.of(Demo.BEFORE, Demo.HEALTHY, Demo.BETTER)) {
            engine.tagImage(healthy, REPOSITORY, version);
            images.put(version, REPOSITORY + ":" + version);
        }
        engine.tagImage(faulty, REPOSITORY, Demo.FAULTY);
        images.put(Demo.FAULTY, REPOSITORY + ":" + Demo.FAULTY);
    }

    /** Starts {@link Demo#BEFORE} with all traffic, as the version that ran before Genesis, and the users. */
    private void serveBefore(DeploymentKey key, Consumer<String> log) {
        Map<String, String> before = new HashMap<>(settings);
        before.put(DockerSettings.IMAGE, images.get(Demo.BEFORE));
        DockerTarget target = targets.open(key, targets.spec(before));
        DeploymentContext context =
                new DeploymentContext("demo-before", key, new Version(Demo.BEFORE), Demo.commitOf(Demo.BEFORE));
        target.deployCandidate(context);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Health health = target.health(context);
        while (!health.isHealthy()) {
            if (health.state() == Health.State.UNHEALTHY || System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo's " + Demo.BEFORE + " did not start: " + health.message());
            }
            pause();
            health = target.health(context);
        }
        target.setWeight(context, Percentage.HUNDRED);
        target.promote(context);
        serving = true;
        log.accept("docker: " + Demo.BEFORE + " serves all traffic of " + key + " (2 containers)");
        users = SampleTraffic.start(proxyPort, 3, Duration.ofMillis(4), USERS_LIMIT);
        log.accept("docker: 3 users send GET / through the proxy on 127.0.0.1:" + proxyPort);
    }

    @Override
    public void traffic(PrintWriter out) {
        if (users == null) {
            return;
        }
        Map<String, Integer> counts = users.counts();
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        int errors = counts.entrySet().stream()
                .filter(entry -> entry.getKey().contains(":") || entry.getKey().equals("none"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        out.println("  traffic through the proxy: " + all + " requests, " + errors + " answered with an error or"
                + " not at all; answers by version: " + counts + "; only " + Demo.FAULTY
                + " fails requests in this demo");
    }

    @Override
    public void close() {
        if (users != null) {
            users.close();
        }
        DeploymentKey key = new DeploymentKey(Demo.APPLICATION, Demo.ENVIRONMENT);
        try {
            for (ContainerState container : engine.listContainers(Map.of(
                    "io.genesis.application",
                    key.application(),
                    "io.genesis.environment",
                    key.environment(),
                    "io.genesis.managed-by",
                    "genesis"))) {
                if (container.label("io.genesis.image").startsWith(REPOSITORY + ":")) {
                    engine.removeContainer(container.id());
                }
            }
        } finally {
            targets.proxy(Path.of(settings.get(DockerSettings.PROXY_DIR)), key).stop();
        }
    }

    private static boolean onPath(String command, Map<String, String> environment) {
        for (String dir : environment
                .getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                .split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + Demo.BEFORE + " starts", e);
        }
    }
}
