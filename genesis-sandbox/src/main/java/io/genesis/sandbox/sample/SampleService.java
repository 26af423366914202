package io.genesis.sandbox.sample;

import io.genesis.sandbox.net.Loopback;
import io.genesis.sandbox.slot.Versions;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A tiny application on Jetty that stands for "the product" in the sandbox. {@code GET /} answers its
 * version (body and {@value #VERSION_HEADER} header), {@code GET /health} answers 200 {@code UP} or 503
 * {@code DOWN}; anything else is 404. Its {@link FaultProfile} can be changed while it runs, to make a
 * version fail a share of requests or answer slowly. It binds 127.0.0.1 only.
 */
public final class SampleService implements AutoCloseable {

    /** The response header naming the version that answered. */
    public static final String VERSION_HEADER = "X-Genesis-Version";

    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 2;

    private final String version;
    private final Server server;
    private final ServerConnector connector;
    private final AtomicReference<Behaviour> behaviour;

    private SampleService(String version, FaultProfile faults, int port) {
        this.version = version;
        this.behaviour = new AtomicReference<>(new Behaviour(faults));
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("sample-" + version);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(Loopback.ADDRESS);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new SampleHandler());
    }

    /**
     * Starts version {@code version} on {@code port} of 127.0.0.1 ({@code 0} picks a free port) and returns
     * once it accepts connections.
     */
    public static SampleService start(String version, int port, FaultProfile faults) {
        Versions.require(version);
        Objects.requireNonNull(faults, "faults");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
        }
        SampleService service = new SampleService(version, faults, port);
        try {
            service.server.start();
        } catch (Exception e) {
            service.stop();
            throw new IllegalStateException(
                    "sample service " + version + " could not start on " + Loopback.ADDRESS + ":" + port, e);
        }
        return service;
    }

    /** The version this service answers with. */
    public String version() {
        return version;
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return Loopback.httpUri(port());
    }

    /** The behaviour in force. */
    public FaultProfile faults() {
        return behaviour.get().profile();
    }

    /** Replaces the behaviour for requests that arrive from now on; the failure count restarts. */
    public void faults(FaultProfile faults) {
        behaviour.set(new Behaviour(Objects.requireNonNull(faults, "faults")));
    }

    /** Whether the server is still started. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server; requests still being answered are cut off. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("sample service " + version + " did not stop cleanly", e);
        }
    }

    /** Blocks until the server has stopped, for command-line use. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stop();
    }

    /** A profile and its own failure counter, swapped together so a change never mixes the two. */
    private record Behaviour(FaultProfile profile, FailureSchedule schedule) {
        Behaviour(FaultProfile profile) {
            this(profile, new FailureSchedule(profile.failureShare()));
        }
    }

    private final class SampleHandler extends Handler.Abstract.NonBlocking {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            Behaviour current = behaviour.get();
            response.getHeaders().put(VERSION_HEADER, version);
            if ("/health".equals(path)) {
                boolean healthy = current.profile().healthy();
                write(
                        response,
                        callback,
                        healthy ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                        healthy ? "UP" : "DOWN");
                return true;
            }
            if (!"/".equals(path)) {
                write(
                        response,
                        callback,
                        HttpStatus.NOT_FOUND_404,
                        "no such page: the sample service has / and" + " /health");
                return true;
            }
            boolean fail = current.schedule().nextFails();
            Runnable answer = () -> write(
                    response,
                    callback,
                    fail ? HttpStatus.INTERNAL_SERVER_ERROR_500 : HttpStatus.OK_200,
                    fail ? "injected failure in " + version : version);
            long delayMillis = current.profile().addedLatency().toMillis();
            if (delayMillis == 0) {
                answer.run();
            } else {
                // Answer later from the scheduler so slow versions do not hold a server thread each.
                Scheduler scheduler = server.getScheduler();
                scheduler.schedule(answer, delayMillis, TimeUnit.MILLISECONDS);
            }
            return true;
        }

        private void write(Response response, Callback callback, int status, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Content.Sink.write(response, true, body, callback);
        }
    }
}
