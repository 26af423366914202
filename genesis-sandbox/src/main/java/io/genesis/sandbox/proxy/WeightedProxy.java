package io.genesis.sandbox.proxy;

import io.genesis.sandbox.metrics.RequestOutcome;
import io.genesis.sandbox.metrics.RequestRecorder;
import io.genesis.sandbox.net.Loopback;
import io.genesis.sandbox.slot.SlotId;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A reverse proxy on 127.0.0.1 that spreads requests over slots by weight. Weights change atomically at any
 * time: each request picks its slot once, on arrival, from the routing table in force, so requests already
 * in flight finish where they started and none is dropped. Every finished request is reported to a {@link
 * RequestRecorder} with its outcome and the latency seen at the proxy, and the answer carries the
 * {@value #SLOT_HEADER} header naming the slot that served it.
 */
public final class WeightedProxy implements AutoCloseable {

    /** Response header naming the slot that served a request. */
    public static final String SLOT_HEADER = "X-Genesis-Slot";

    private static final String EXCHANGE_ATTRIBUTE = WeightedProxy.class.getName() + ".exchange";
    private static final Duration DRAIN_POLL = Duration.ofMillis(5);

    private final ProxyConfig config;
    private final RequestRecorder recorder;
    private final AtomicReference<RoutingTable> table = new AtomicReference<>(RoutingTable.initial());
    private final ConcurrentMap<SlotId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger totalInFlight = new AtomicInteger();
    private final Server server;
    private final ServerConnector connector;

    private WeightedProxy(ProxyConfig config, RequestRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
        QueuedThreadPool threads = new QueuedThreadPool(256, 4);
        threads.setName("genesis-proxy");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(Loopback.ADDRESS);
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new Router());
    }

    /** Starts a proxy with no slots; until weights are set it answers 503. */
    public static WeightedProxy start(ProxyConfig config, RequestRecorder recorder) {
        WeightedProxy proxy = new WeightedProxy(
                Objects.requireNonNull(config, "config"), Objects.requireNonNull(recorder, "recorder"));
        try {
            proxy.server.start();
        } catch (Exception e) {
            proxy.close();
            throw new IllegalStateException(
                    "the proxy could not start on " + Loopback.ADDRESS + ":" + config.port() + ": is the port taken?",
                    e);
        }
        return proxy;
    }

    /** Where clients send requests: {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return Loopback.httpUri(connector.getLocalPort());
    }

    /** Makes {@code slot} at {@code backend} known, with no traffic until weights give it some. */
    public synchronized void register(SlotId slot, URI backend) {
        Objects.requireNonNull(slot, "slot");
        Loopback.requireLoopbackHttp("backend of " + slot, backend);
        RoutingTable current = table.get();
        if (current.backends().containsKey(slot)) {
            throw new IllegalArgumentException(
                    slot + " is already registered at " + current.backends().get(slot));
        }
        Map<SlotId, URI> backends = new HashMap<>(current.backends());
        backends.put(slot, backend);
        table.set(current.withBackends(backends, current.weights(), current.selector()));
    }

    /** Forgets {@code slot}, which must have no weight; requests already sent to it still complete. */
    public synchronized void unregister(SlotId slot) {
        RoutingTable current = table.get();
        if (!current.backends().containsKey(slot)) {
            throw new IllegalArgumentException(slot + " is not registered; known slots: "
                    + current.backends().keySet());
        }
        Weights weights = current.weights();
        if (weights != null && weights.weightOf(slot) > 0) {
            throw new IllegalStateException(slot + " still has " + weights.weightOf(slot)
                    + " % of traffic: set its weight to 0 before removing it");
        }
        Map<SlotId, URI> backends = new HashMap<>(current.backends());
        backends.remove(slot);
        Weights remaining = weights == null || !weights.slots().contains(slot) ? weights : weights.without(slot);
        table.set(current.withBackends(backends, remaining, current.selector()));
    }

    /**
     * Routes new requests by {@code weights} from now on. Every slot named must be registered. Requests in
     * flight are untouched.
     */
    public synchronized void setWeights(Weights weights) {
        Objects.requireNonNull(weights, "weights");
        RoutingTable current = table.get();
        for (SlotId slot : weights.slots()) {
            if (!current.backends().containsKey(slot)) {
                throw new IllegalArgumentException("weights name " + slot + ", which is not registered; known slots: "
                        + current.backends().keySet());
            }
        }
        table.set(current.withBackends(
                current.backends(), weights, config.selection().selector(weights, config.seed())));
    }

    /** The weights new requests are routed by, read back from the routing table; empty before any were set. */
    public Optional<Weights> effectiveWeights() {
        return Optional.ofNullable(table.get().weights());
    }

    /** How many requests the proxy has sent to {@code slot} and not yet finished. */
    public int inFlight(SlotId slot) {
        AtomicInteger count = inFlight.get(slot);
        return count == null ? 0 : count.get();
    }

    /**
     * How many requests the proxy is answering now, routed or not. A request is recorded in the metrics
     * before it stops counting here, so once this is 0 the metrics hold every request answered so far.
     */
    public int inFlight() {
        return totalInFlight.get();
    }

    /** Waits until no request to {@code slot} is in flight, at most {@code timeout}; true when drained. */
    public boolean awaitDrained(SlotId slot, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight(slot) > 0) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        return true;
    }

    /** Stops listening; requests in flight are cut off. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the proxy did not stop cleanly", e);
        }
    }

    /** The state of one request, shared by the proxy callbacks. */
    private static final class Exchange {
        private final RoutingTable.Route route;
        private volatile boolean upstreamFailed;

        Exchange(RoutingTable.Route route) {
            this.route = route;
        }
    }

    private final class Router extends ProxyHandler {

        Router() {
            // A fixed name: the default looks up this machine's host name, which can stall on DNS.
            setViaHost("genesis-sandbox");
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long start = System.nanoTime();
            totalInFlight.incrementAndGet();
            Optional<RoutingTable.Route> route = claimRoute();
            if (route.isEmpty()) {
                Callback recording = new Recording(callback, response, null, start);
                Response.writeError(
                        request,
                        response,
                        recording,
                        HttpStatus.SERVICE_UNAVAILABLE_503,
                        "no slot has any traffic weight yet");
                return true;
            }
            Exchange exchange = new Exchange(route.get());
            request.setAttribute(EXCHANGE_ATTRIBUTE, exchange);
            response.getHeaders().put(SLOT_HEADER, exchange.route.slot().value());
            Recording recording = new Recording(callback, response, exchange, start);
            try {
                return super.handle(request, response, recording);
            } catch (RuntimeException e) {
                // Jetty fails the original callback itself; only the bookkeeping is left to do.
                exchange.upstreamFailed = true;
                recording.finish(true);
                throw e;
            }
        }

        /**
         * Picks a slot and counts the request as in flight there. The count is taken before checking that
         * the slot is still registered, so a drain that starts after unregistering sees every request that
         * went through; a request that lost the race picks again from the newer table.
         */
        private Optional<RoutingTable.Route> claimRoute() {
            while (true) {
                Optional<RoutingTable.Route> route = table.get().select();
                if (route.isEmpty()) {
                    return route;
                }
                RoutingTable.Route chosen = route.get();
                AtomicInteger count = inFlight.computeIfAbsent(chosen.slot(), ignored -> new AtomicInteger());
                count.incrementAndGet();
                if (chosen.backend().equals(table.get().backends().get(chosen.slot()))) {
                    return route;
                }
                count.decrementAndGet();
            }
        }

        @Override
        protected HttpURI rewriteHttpURI(Request clientToProxyRequest) {
            URI backend = exchangeOf(clientToProxyRequest).route.backend();
            return HttpURI.build(clientToProxyRequest.getHttpURI())
                    .scheme(backend.getScheme())
                    .host(backend.getHost())
                    .port(backend.getPort())
                    .asImmutable();
        }

        @Override
        protected void configureHttpClient(HttpClient httpClient) {
            super.configureHttpClient(httpClient);
            httpClient.setConnectTimeout(config.connectTimeout().toMillis());
            httpClient.setMaxConnectionsPerDestination(config.maxConnectionsPerSlot());
        }

        @Override
        protected org.eclipse.jetty.client.Request newProxyToServerRequest(
                Request clientToProxyRequest, HttpURI newHttpURI) {
            return super.newProxyToServerRequest(clientToProxyRequest, newHttpURI)
                    .timeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        protected void onServerToProxyResponseFailure(
                Request clientToProxyRequest,
                org.eclipse.jetty.client.Request proxyToServerRequest,
                org.eclipse.jetty.client.Response serverToProxyResponse,
                Response proxyToClientResponse,
                Callback proxyToClientCallback,
                Throwable failure) {
            exchangeOf(clientToProxyRequest).upstreamFailed = true;
            super.onServerToProxyResponseFailure(
                    clientToProxyRequest,
                    proxyToServerRequest,
                    serverToProxyResponse,
                    proxyToClientResponse,
                    proxyToClientCallback,
                    failure);
        }

        private Exchange exchangeOf(Request request) {
            return (Exchange) request.getAttribute(EXCHANGE_ATTRIBUTE);
        }
    }

    /** Completes the client's callback once, after reporting the request and releasing its in-flight count. */
    private final class Recording implements Callback {
        private final Callback delegate;
        private final Response response;
        private final Exchange exchange;
        private final long startNanos;
        private final AtomicBoolean done = new AtomicBoolean();

        Recording(Callback delegate, Response response, Exchange exchange, long startNanos) {
            this.delegate = delegate;
            this.response = response;
            this.exchange = exchange;
            this.startNanos = startNanos;
        }

        @Override
        public void succeeded() {
            finish(false);
            delegate.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            finish(true);
            delegate.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return delegate.getInvocationType();
        }

        private void finish(boolean clientFailed) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            if (exchange == null) {
                try {
                    recorder.recordUnrouted(
                            clientFailed ? RequestOutcome.CLIENT_ABORTED : RequestOutcome.NO_ROUTE, latency);
                } finally {
                    totalInFlight.decrementAndGet();
                }
                return;
            }
            RequestOutcome outcome;
            if (exchange.upstreamFailed) {
                outcome = RequestOutcome.UPSTREAM_FAILURE;
            } else if (clientFailed) {
                outcome = RequestOutcome.CLIENT_ABORTED;
            } else {
                outcome = RequestOutcome.ofStatus(response.getStatus());
            }
            SlotId slot = exchange.route.slot();
            try {
                recorder.recordRouted(slot, outcome, latency);
            } finally {
                inFlight.get(slot).decrementAndGet();
                totalInFlight.decrementAndGet();
            }
        }
    }
}
