package io.genesis.core.hook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.genesis.core.target.DeploymentKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookHookRunnerTest {

    private static final HookContext CONTEXT = new HookContext(
            "r-7",
            new DeploymentKey("shop", "production"),
            "1.2.3",
            "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
            HookPhase.BEFORE_DEPLOY,
            URI.create("http://127.0.0.1:8123"));

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldPassOnA2xxAnswerAndPostTheDocumentedBody() throws Exception {
        serve(200, 200);

        HookReport report = run(Hook.webhook(HookPhase.BEFORE_DEPLOY, address()));

        assertThat(report.passed()).isTrue();
        assertThat(report.exitCode()).isEqualTo(200);
        assertThat(report.output()).isEqualTo("backup 42 taken");
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.get("phase").asText()).isEqualTo("beforeDeploy");
        assertThat(body.get("rollout").asText()).isEqualTo("r-7");
        assertThat(body.get("application").asText()).isEqualTo("shop");
        assertThat(body.get("environment").asText()).isEqualTo("production");
        assertThat(body.get("version").asText()).isEqualTo("1.2.3");
        assertThat(body.get("url").asText()).isEqualTo("http://127.0.0.1:8123");
        assertThat(body.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailedAttemptAndPassWhenALaterOneAnswers2xx() throws Exception {
        serve(503, 200);

        HookReport report = run(Hook.webhook(HookPhase.BEFORE_DEPLOY, address()).withRetries(2));

        assertThat(report.passed()).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(new ObjectMapper().readTree(bodies.get(1)).get("attempt").asInt())
                .isEqualTo(2);
    }

    @Test
    void shouldFailWithTheLastStatusWhenEveryAttemptFails() throws Exception {
        serve(500, 500);

        HookReport report = run(Hook.webhook(HookPhase.BEFORE_DEPLOY, address()).withRetries(1));

        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isEqualTo(500);
        assertThat(report.detail()).isEqualTo("answered HTTP 500 (after 2 attempts)");
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldFailWhenTheReceiverIsDown() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        HookReport report = run(Hook.webhook(HookPhase.BEFORE_DEPLOY, "http://127.0.0.1:" + closed + "/backup")
                .withRetries(2));

        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isNull();
        assertThat(report.detail()).startsWith("no answer: ").endsWith("(after 3 attempts)");
    }

    @Test
    void shouldNotFollowARedirect() throws Exception {
        serve(302, 302);

        HookReport report = run(Hook.webhook(HookPhase.BEFORE_DEPLOY, address()));

        assertThat(report.passed()).isFalse();
        assertThat(report.detail()).isEqualTo("answered HTTP 302");
    }

    private void serve(int first, int then) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/backup", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() == 1 ? first : then;
            byte[] answer = "backup 42 taken".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backup";
    }

    private static HookReport run(Hook hook) throws Exception {
        HookRun run = new WebhookHookRunner(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build())
                .start(hook, CONTEXT);
        run.ended().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return run.poll().orElseThrow();
    }
}
