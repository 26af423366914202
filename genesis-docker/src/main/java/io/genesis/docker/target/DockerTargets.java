package io.genesis.docker.target;

import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.docker.engine.DockerHost;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.RegistryAuth;
import io.genesis.docker.proxy.Haproxy;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Opens Docker targets (kind {@code docker}) and their metric sources from stored specs. Everything a
 * later process needs is in the spec's settings (the engine's address, the proxy's port and directory,
 * the image), so a rollback from a new process reaches the same containers and proxy.
 */
public final class DockerTargets implements TargetFactory, MetricSourceFactory {

    public static final String KIND = "docker";

    static final String APPLICATION = "application";
    static final String ENVIRONMENT = "environment";
    static final String VERSION = "version";
    static final String MIN_REQUESTS = "minRequests";

    private final Map<String, String> environment;
    private final Path home;
    private final String haproxy;
    private final List<String> ssh;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<DockerHost, EngineClient> engines = new HashMap<>();
    private final Map<MetricSpec, DockerMetricSource> sources = new HashMap<>();
    private volatile Consumer<String> log = line -> {};

    /**
     * @param environment the process environment ({@code DOCKER_HOST})
     * @param home the user's home, under which proxies live by default
     * @param haproxy the haproxy command
     * @param clock the clock metric samples are stamped with
     */
    public DockerTargets(Map<String, String> environment, Path home, String haproxy, Clock clock) {
        this(environment, home, haproxy, List.of("ssh"), clock);
    }

    /**
     * @param environment the process environment ({@code DOCKER_HOST}, {@code DOCKER_CONFIG})
     * @param home the user's home, under which proxies live by default
     * @param haproxy the haproxy command
     * @param ssh the ssh command for {@code ssh://} hosts, such as {@code [ssh]}
     * @param clock the clock metric samples are stamped with
     */
    public DockerTargets(Map<String, String> environment, Path home, String haproxy, List<String> ssh, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.haproxy = haproxy;
        this.ssh = List.copyOf(ssh);
        this.clock = clock;
    }

    /** The factory of this process: its environment, {@code user.home}, Debian's haproxy, the system clock. */
    public static DockerTargets standard() {
        return new DockerTargets(
                System.getenv(), Path.of(System.getProperty("user.home")), "haproxy", Clock.systemUTC());
    }

    /** Where target lines are written from now on. */
    public void reportTo(Consumer<String> log) {
        this.log = log;
    }

    /** Checks {@code settings} and returns them completed with their defaults, as stored with a rollout. */
    public TargetSpec spec(Map<String, String> settings) {
        return new TargetSpec(
                KIND, DockerSettings.from(settings, environment, home).toMap());
    }

    /** The metric spec that measures {@code candidate} on {@code target}. */
    public static MetricSpec metricSpec(DeploymentKey key, Version candidate, TargetSpec target, long minRequests) {
        Map<String, String> settings = new TreeMap<>();
        settings.put(APPLICATION, key.application());
        settings.put(ENVIRONMENT, key.environment());
        settings.put(VERSION, candidate.value());
        settings.put(MIN_REQUESTS, Long.toString(minRequests));
        settings.put(DockerSettings.HOST, target.settings().get(DockerSettings.HOST));
        if (target.settings().containsKey(DockerSettings.TLS)) {
            settings.put(DockerSettings.TLS, target.settings().get(DockerSettings.TLS));
        }
        settings.put(DockerSettings.PROXY_DIR, target.settings().get(DockerSettings.PROXY_DIR));
        return new MetricSpec(KIND, settings);
    }

    @Override
    public DockerTarget open(DeploymentKey key, TargetSpec spec) {
        if (!KIND.equals(spec.kind())) {
            throw new IllegalArgumentException("not a docker target: kind '" + spec.kind() + "'");
        }
        DockerSettings settings = DockerSettings.from(spec.settings(), environment, home);
        return new DockerTarget(
                key,
                settings,
                engine(settings.host()),
                proxy(settings.proxyDir(), key),
                http,
                RegistryAuth.fromEnvironment(environment, home),
                line -> log.accept(line));
    }

    /**
     * The source {@code spec} names; one per spec for this process, so that its samples share the totals
     * read before (a window is measured from the totals at its start) and the container names last read.
     */
    @Override
    public synchronized MetricSource open(MetricSpec spec) {
        DockerMetricSource source = sources.get(spec);
        if (source == null) {
            source = newSource(spec);
            sources.put(spec, source);
        }
        return source;
    }

    private DockerMetricSource newSource(MetricSpec spec) {
        Map<String, String> settings = spec.settings();
        for (String name :
                new String[] {APPLICATION, ENVIRONMENT, VERSION, DockerSettings.HOST, DockerSettings.PROXY_DIR}) {
            if (!settings.containsKey(name)) {
                throw new IllegalArgumentException("docker metric source setting '" + name + "' is missing; it needs "
                        + "application, environment, version, host and proxyDir");
            }
        }
        DeploymentKey key = DeploymentKey.of(settings.get(APPLICATION), settings.get(ENVIRONMENT));
        return new DockerMetricSource(
                key,
                new Version(settings.get(VERSION)).value(),
                engine(host(settings)),
                proxy(Path.of(settings.get(DockerSettings.PROXY_DIR)), key),
                clock,
                Long.parseLong(settings.getOrDefault(MIN_REQUESTS, "1")));
    }

    private static DockerHost host(Map<String, String> settings) {
        DockerHost host = DockerHost.parse(settings.get(DockerSettings.HOST));
        return settings.containsKey(DockerSettings.TLS)
                ? host.withTls(Path.of(settings.get(DockerSettings.TLS)))
                : host;
    }

    /** The engine at {@code host}, one client per host for this process. */
    public synchronized EngineClient engine(DockerHost host) {
        return engines.computeIfAbsent(host, at -> new EngineClient(at, ssh));
    }

    /** The proxy of {@code key} under {@code proxyDir}. */
    public Haproxy proxy(Path proxyDir, DeploymentKey key) {
        return new Haproxy(proxyDir.resolve(key.fileName()), haproxy);
    }
}
