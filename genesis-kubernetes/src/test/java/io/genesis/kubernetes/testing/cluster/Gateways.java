package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a Gateway API implementation for the HTTPRoutes of the namespace: {@link Timings#gateway}
 * after a route's generation changes, it serves that generation's backend weights and reports, per
 * entry of {@code spec.parentRefs} (with the parentRef as written, namespace included), {@code
 * Accepted} and {@code ResolvedRefs} at {@code observedGeneration} — ResolvedRefs False with reason
 * {@code BackendNotFound} when a backendRef names a Service that does not exist (gateway-api
 * apis/v1/httproute_types.go and shared_types.go, RouteParentStatus and the route condition
 * types). A gateway made {@link #silence silent} never reports, as one that is down or not
 * installed.
 */
final class Gateways implements Component {

    static final String CONTROLLER = "sim.genesis.io/gateway";

    private final KubernetesClient client;
    private final String namespace;
    private final Timings timings;
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> served = new ConcurrentHashMap<>();

    Gateways(KubernetesClient client, String namespace, Timings timings) {
        this.client = client;
        this.namespace = namespace;
        this.timings = timings;
    }

    void silence(String gateway) {
        silent.add(gateway);
    }

    /** The weights route {@code name} really applies: those of the last generation its gateway programmed. */
    Map<String, Integer> served(String route) {
        return served.getOrDefault(route, Map.of());
    }

    @Override
    public boolean sync(Instant now) {
        boolean wrote = false;
        for (HTTPRoute route :
                client.resources(HTTPRoute.class).inNamespace(namespace).list().getItems()) {
            String name = route.getMetadata().getName();
            long generation = route.getMetadata().getGeneration();
            Scheduled next = scheduled.get(name);
            if (next == null || next.generation() != generation) {
                next = new Scheduled(generation, now.plus(timings.gateway()), false);
                scheduled.put(name, next);
            }
            if (!next.done() && !next.dueAt().isAfter(now)) {
                served.put(name, weights(route));
                List<RouteParentStatus> parents = parents(route, generation);
                client.resources(HTTPRoute.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .editStatus(r -> {
                            r.setStatus(new HTTPRouteStatusBuilder()
                                    .withParents(parents)
                                    .build());
                            return r;
                        });
                scheduled.put(name, new Scheduled(generation, next.dueAt(), true));
                wrote = true;
            }
        }
        return wrote;
    }

    @Override
    public Optional<Instant> nextEvent(Instant now) {
        return scheduled.values().stream()
                .filter(s -> !s.done() && s.dueAt().isAfter(now))
                .map(Scheduled::dueAt)
                .min(Instant::compareTo);
    }

    private List<RouteParentStatus> parents(HTTPRoute route, long generation) {
        // As gateways do, the message names the backendRefs that do not resolve.
        List<String> missing = route.getSpec().getRules().stream()
                .flatMap(rule -> rule.getBackendRefs().stream())
                .map(ref -> ref.getName())
                .filter(name ->
                        client.services().inNamespace(namespace).withName(name).get() == null)
                .distinct()
                .toList();
        boolean resolved = missing.isEmpty();
        List<RouteParentStatus> parents = new ArrayList<>();
        for (ParentReference parent : route.getSpec().getParentRefs()) {
            if (silent.contains(parent.getName())) {
                continue;
            }
            parents.add(new RouteParentStatusBuilder()
                    .withControllerName(CONTROLLER)
                    .withParentRef(parent)
                    .withConditions(
                            condition("Accepted", "True", "Accepted", generation),
                            resolved
                                    ? condition("ResolvedRefs", "True", "ResolvedRefs", generation)
                                    : condition(
                                            "ResolvedRefs",
                                            "False",
                                            "BackendNotFound",
                                            "backendRef Service " + String.join(", ", missing) + " not found",
                                            generation))
                    .build());
        }
        return parents;
    }

    private static Map<String, Integer> weights(HTTPRoute route) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (HTTPBackendRef ref : route.getSpec().getRules().get(0).getBackendRefs()) {
            weights.put(ref.getName(), ref.getWeight() == null ? 1 : ref.getWeight());
        }
        return weights;
    }

    private static Condition condition(String type, String status, String reason, long generation) {
        return condition(type, status, reason, type + " " + reason, generation);
    }

    private static Condition condition(String type, String status, String reason, String message, long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .build();
    }

    private record Scheduled(long generation, Instant dueAt, boolean done) {}
}
