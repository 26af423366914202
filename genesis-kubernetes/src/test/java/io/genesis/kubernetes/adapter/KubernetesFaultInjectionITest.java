package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's fault suite on the Kubernetes target: the real engine drives each strategy on the mock API
 * server (CRUD mode) while one request at a chosen point of the strategy is answered with an HTTP 500 (once,
 * or four times in a row: an outage), a 403, or not at all within the client's request timeout. After each
 * run the rollout must have settled with one complete record whose status agrees with what the cluster
 * serves, the Lease must be released, and nothing the engine recorded or said may read "internal error" or
 * name a Java exception class. Figures are written to {@code target/kubernetes-faults.md} (docs/reliability.md).
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesFaultInjectionITest {

    private static final String APPS = "/apis/apps/v1/namespaces/" + NS + "/deployments";
    private static final String SERVICES = "/api/v1/namespaces/" + NS + "/services";
    private static final String LEASES = "/apis/coordination.k8s.io/v1/namespaces/" + NS + "/leases";
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(java|javax|io\\.fabric8|io\\.genesis)\\.[\\w.]*[A-Z]\\w*|NullPointerException");
    private static final Map<String, int[]> FIGURES = new TreeMap<>();
    private static final List<String> EXCEPTIONS = new ArrayList<>();

    KubernetesClient client;
    KubernetesMockServer server;

    private EngineOnCluster world;
    private KubernetesClient controllerClient;

    /** Where a strategy is hit: the request's method and path, and what the engine is doing then. */
    record Point(String strategy, String method, String path, String during) {}

    /** How the API fails there. */
    enum Fault {
        HTTP_500_ONCE,
        HTTP_500_OUTAGE,
        HTTP_403,
        TIMEOUT;

        void inject(KubernetesMockServer server, Point point) {
            var expectation = server.expect();
            var method = switch (point.method()) {
                case "GET" -> expectation.get();
                case "POST" -> expectation.post();
                case "PUT" -> expectation.put();
                case "PATCH" -> expectation.patch();
                default -> expectation.delete();
            };
            switch (this) {
                case HTTP_500_ONCE ->
                    method.withPath(point.path())
                            .andReturn(500, status("etcdserver: leader changed"))
                            .once();
                case HTTP_500_OUTAGE ->
                    method.withPath(point.path())
                            .andReturn(500, status("etcdserver: request timed out"))
                            .times(4);
                case HTTP_403 ->
                    method.withPath(point.path())
                            .andReturn(403, status("forbidden: the RBAC role was changed"))
                            .once();
                // Longer than the client's 5 s request timeout (NoRetries): the answer never arrives in time.
                case TIMEOUT ->
                    method.delay(6, TimeUnit.SECONDS)
                            .withPath(point.path())
                            .andReturn(500, status("too late"))
                            .once();
            }
        }

        private static String status(String message) {
            return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + message + "\"}";
        }
    }

    static Stream<Object[]> cases() {
        List<Point> points = List.of(
                new Point("blueGreen", "POST", LEASES, "taking the Lease"),
                new Point("blueGreen", "POST", APPS, "deployCandidate: create the idle slot"),
                new Point("blueGreen", "GET", APPS + "/shop-green", "health of the candidate slot"),
                new Point("blueGreen", "PATCH", SERVICES + "/shop", "promote: switch the active Service"),
                new Point("blueGreen", "PATCH", APPS + "/shop-blue", "scaleDownPrevious after the keep"),
                new Point("blueGreen", "PUT", LEASES + "/genesis-shop-staging", "renewing the Lease"),
                new Point("canary", "POST", APPS, "deployCandidate: create the canary"),
                new Point("canary", "PATCH", APPS + "/shop-canary", "setWeight: scale the canary"),
                new Point("canary", "PATCH", APPS + "/shop", "setWeight and promote: stable's replicas and template"),
                new Point("canary", "GET", APPS + "/shop", "promoted: stable's rollout status"),
                new Point("rolling", "PATCH", APPS + "/shop", "rollTo: a batch's image and share"),
                new Point("rolling", "GET", APPS + "/shop", "health of the held batch"),
                new Point("rolling", "GET", "/apis/apps/v1/namespaces/" + NS + "/replicasets", "rollback's revision"));
        return points.stream().flatMap(point -> Stream.of(Fault.values()).map(fault -> new Object[] {point, fault}));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (world != null) {
            world.close();
        }
        if (controllerClient != null) {
            controllerClient.close();
        }
    }

    @AfterAll
    static void writeFigures() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(
                "| strategy | runs | faults that fired | ended consistent | exceptions reaching the record or the log |");
        lines.add("|---|---|---|---|---|");
        int[] total = new int[4];
        FIGURES.forEach((strategy, figures) -> {
            lines.add("| " + strategy + " | " + figures[0] + " | " + figures[1] + " | " + figures[2] + " | "
                    + figures[3] + " |");
            for (int i = 0; i < total.length; i++) {
                total[i] += figures[i];
            }
        });
        lines.add("| all | " + total[0] + " | " + total[1] + " | " + total[2] + " | " + total[3] + " |");
        lines.add("");
        EXCEPTIONS.forEach(exception -> lines.add("- " + exception));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "kubernetes-faults.md"), lines);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shouldEndConsistentWithACompleteRecordWhateverTheApiAnswers(Point point, Fault fault) {
        start(point.strategy());
        RequestLog.clear();
        fault.inject(server, point);
        boolean rollingBack = point.path().endsWith("/replicasets");
        if (rollingBack) {
            world.metrics.script(window -> RestoreMeasurementsITest.BREACH);
        }

        RolloutId id;
        try {
            id = world.engine.submit(request(point.strategy()).build());
        } catch (RuntimeException e) {
            // Refused before it started (the Lease could not be taken): nothing may be stored or left behind.
            Outcome refused = refusedAtStart(e);
            record(point, fault, true, refused);
            assertThat(refused.problems()).isEmpty();
            return;
        }
        String escaped = null;
        try {
            world.drive();
        } catch (RuntimeException | AssertionError e) {
            escaped = e.toString();
        }
        String sent = point.method() + " " + point.path();
        // Fired: Genesis' own client sent the request (the simulated cluster has a client of its own), and the
        // fault was not spent on the cluster's controllers first.
        boolean fired = world.standInFaults().isEmpty()
                && RequestLog.requests().stream()
                        .anyMatch(request -> request.equals(sent) || request.startsWith(sent + "?"));
        Outcome outcome = outcome(id, escaped, rollingBack);
        record(point, fault, fired, outcome);
        assertThat(outcome.problems()).as(String.join("\n", world.messages())).isEmpty();
    }

    private static void record(Point point, Fault fault, boolean fired, Outcome outcome) {
        int[] figures = FIGURES.computeIfAbsent(point.strategy(), s -> new int[4]);
        figures[0]++;
        if (fired) {
            figures[1]++;
            if (outcome.consistent()) {
                figures[2]++;
            }
        }
        if (outcome.exception() != null) {
            figures[3]++;
            EXCEPTIONS.add(point.strategy() + ", " + point.during() + ", " + fault + ": " + outcome.exception());
        }
    }

    private Outcome refusedAtStart(RuntimeException e) {
        List<String> problems = new ArrayList<>();
        String exception = null;
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("internal error")
                || CLASS_NAME.matcher(message).find()) {
            exception = message;
            problems.add("refused with: " + message);
        }
        if (!world.states.list().isEmpty()) {
            problems.add("a refused rollout was stored: " + world.states.list());
        }
        if (client.leases().inNamespace(NS).withName("genesis-shop-staging").get() != null) {
            problems.add("the Lease was left behind");
        }
        return new Outcome(problems, exception);
    }

    /** What a run left: the problems found with its record, the cluster and the Lease, and any exception shown. */
    private record Outcome(List<String> problems, String exception) {
        boolean consistent() {
            return problems.isEmpty();
        }
    }

    private Outcome outcome(RolloutId id, String escaped, boolean rollingBack) {
        List<String> problems = new ArrayList<>();
        String exception = escaped;
        if (escaped != null) {
            problems.add("the run did not settle: " + escaped);
        }
        DeploymentRecord record = world.history.find(id.value()).orElse(null);
        if (record == null) {
            problems.add("no record of " + id);
            return new Outcome(problems, exception);
        }
        if (record.phases().isEmpty() || record.endedAt() == null) {
            problems.add("incomplete record: " + record);
        }
        String reason = record.reason() == null ? "" : record.reason();
        if (record.status() != RecordStatus.SUCCEEDED && reason.isBlank()) {
            problems.add(record.status() + " without a reason");
        }
        List<String> said = new ArrayList<>(world.messages());
        said.add(reason);
        for (String line : said) {
            if (line.toLowerCase(Locale.ROOT).contains("internal error")
                    || CLASS_NAME.matcher(line).find()) {
                exception = exception == null ? line : exception;
                problems.add("says: " + line);
            }
        }
        ClusterView users = ClusterView.throughService(client, NS, "shop");
        double updated = served(users, "1.1.0");
        double previous = served(users, "1.0.0");
        switch (record.status()) {
            case SUCCEEDED -> {
                if (rollingBack || updated != 100.0) {
                    problems.add("SUCCEEDED, but users reach 1.1.0 at " + updated + " %");
                }
            }
            case ROLLED_BACK, ABORTED -> {
                if (previous != 100.0) {
                    problems.add(record.status() + ", but users reach 1.0.0 at " + previous + " %");
                }
            }
            default -> {
                // FAILED: the record must say what to look at, and users must reach one whole version.
                if (updated != 100.0 && previous != 100.0) {
                    problems.add("FAILED, and users reach a mix: 1.1.0 at " + updated + " %");
                }
                if (!reason.contains("by hand") && !reason.contains("check")) {
                    problems.add("FAILED without saying what to do: " + reason);
                }
            }
        }
        if (client.leases().inNamespace(NS).withName("genesis-shop-staging").get() != null) {
            problems.add("the Lease was left behind");
        }
        return new Outcome(problems, exception);
    }

    /** The share of users that reach {@code version}: through Service shop, or (rolling has none) of the pods. */
    private double served(ClusterView users, String version) {
        if (client.services().inNamespace(NS).withName("shop").get() != null) {
            return users.trafficTo(version);
        }
        long all = users.pods("1.0.0") + users.pods("1.1.0");
        return all == 0 ? 0 : Math.round(10_000.0 * users.pods(version) / all) / 100.0;
    }

    private void start(String strategy) {
        switch (strategy) {
            case "blueGreen" -> createBlueGreen(client, 2);
            case "canary" -> createCanary(client, labels("app", "shop"));
            default -> createRolling(client, "reg/shop:1.0.0", 4);
        }
        // The cluster's controllers have a client of their own, whose requests RequestLog does not count.
        controllerClient = server.createClient(NoRetries.withoutLog());
        world = new EngineOnCluster(
                client,
                new KubernetesRolloutLock(client, key -> NS),
                new ServerSideApplyWriter(client),
                EngineSettings.defaults("engine-1"),
                controllerClient);
        // The suite is about the API's answers, not the pods' pace: short timings, the same rules.
        world.simulate(Timings.fast());
    }

    private io.genesis.core.rollout.RolloutRequest.Builder request(String strategy) {
        Map<String, String> settings = settings("strategy", strategy, "recordEvents", "false");
        if (strategy.equals("rolling")) {
            return world.request("shop", "custom", settings)
                    .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote"));
        }
        return world.request("shop", strategy, settings);
    }
}
