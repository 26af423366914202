package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits traffic with the backend weights of a Gateway API {@code HTTPRoute}: in every rule that
 * sends traffic to the stable Service, the candidate Service gets {@code weight} and stable the
 * rest. Weights are written in hundredths of a percent (stable 9000, candidate 1000 for 10 %), so a
 * split like 12.5 % stays exact. A weight counts as verified once the route says so and every
 * gateway that reported on it has accepted the current generation.
 */
public final class GatewayRouteRouter implements WeightRouter {

    /** The sum of the two backend weights. */
    static final int SCALE = 10_000;

    private final KubernetesClient client;
    private final String namespace;
    private final String route;
    private final String stableService;
    private final String candidateService;
    private final EventSink events;

    public GatewayRouteRouter(
            KubernetesClient client,
            String namespace,
            String route,
            String stableService,
            String candidateService,
            EventSink events) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.route = Objects.requireNonNull(route, "route");
        this.stableService = Objects.requireNonNull(stableService, "stableService");
        this.candidateService = Objects.requireNonNull(candidateService, "candidateService");
        this.events = Objects.requireNonNull(events, "events");
        if (stableService.equals(candidateService)) {
            throw new IllegalArgumentException(
                    "stable and candidate Services must differ, both are '" + stableService + "'");
        }
    }

    @Override
    public String describe() {
        return "HTTPRoute " + namespace + "/" + route + " (" + stableService + " / " + candidateService + ")";
    }

    @Override
    public void setWeight(Percentage weight) {
        int candidate = candidateWeight(weight);
        Api.retryOnConflict(call("update"), () -> {
            HTTPRoute current = read();
            List<HTTPRouteRule> rules = routedRules(current);
            boolean changed = false;
            for (HTTPRouteRule rule : rules) {
                changed |= setWeights(rule, candidate);
            }
            if (!changed) {
                return current;
            }
            HTTPRoute updated = client.resources(HTTPRoute.class)
                    .inNamespace(namespace)
                    .resource(current)
                    .update();
            events.emit(describe() + ": " + candidateService + " weight " + candidate + ", " + stableService
                    + " weight " + (SCALE - candidate) + " (" + weight + " to the candidate) in " + rules.size()
                    + " rule(s)");
            return updated;
        });
    }

    @Override
    public boolean verifyWeight(Percentage weight) {
        int candidate = candidateWeight(weight);
        HTTPRoute current = read();
        for (HTTPRouteRule rule : routedRules(current)) {
            if (weightOf(rule, candidateService) != candidate || weightOf(rule, stableService) != SCALE - candidate) {
                return false;
            }
        }
        return accepted(current);
    }

    /** Whether every gateway reporting on the route accepted its current generation; false when none reported. */
    static boolean accepted(HTTPRoute route) {
        long generation = route.getMetadata().getGeneration() == null
                ? 0
                : route.getMetadata().getGeneration();
        if (route.getStatus() == null
                || route.getStatus().getParents() == null
                || route.getStatus().getParents().isEmpty()) {
            return false;
        }
        for (RouteParentStatus parent : route.getStatus().getParents()) {
            Condition accepted = parent.getConditions() == null
                    ? null
                    : parent.getConditions().stream()
                            .filter(c -> "Accepted".equals(c.getType()))
                            .findFirst()
                            .orElse(null);
            if (accepted == null
                    || !"True".equals(accepted.getStatus())
                    || accepted.getObservedGeneration() == null
                    || accepted.getObservedGeneration() < generation) {
                return false;
            }
        }
        return true;
    }

    static int candidateWeight(Percentage weight) {
        return (int) Math.round(weight.value() * SCALE / 100.0);
    }

    private HTTPRoute read() {
        return Api.find(
                        call("get"),
                        () -> client.resources(HTTPRoute.class)
                                .inNamespace(namespace)
                                .withName(route)
                                .get())
                .orElseThrow(() -> new KubernetesApiException(
                        call("get"),
                        Problem.NOT_FOUND,
                        404,
                        "HTTPRoute '"
                                + route + "' does not exist; create it with a rule whose backendRefs name Service '"
                                + stableService + "'",
                        null));
    }

    private List<HTTPRouteRule> routedRules(HTTPRoute current) {
        List<HTTPRouteRule> rules = new ArrayList<>();
        if (current.getSpec() != null && current.getSpec().getRules() != null) {
            for (HTTPRouteRule rule : current.getSpec().getRules()) {
                if (find(rule, stableService) != null) {
                    rules.add(rule);
                }
            }
        }
        if (rules.isEmpty()) {
            throw new KubernetesApiException(
                    call("update"),
                    Problem.INVALID,
                    0,
                    "HTTPRoute '" + route
                            + "' has no rule with a backendRef to Service '" + stableService
                            + "'; add one (Genesis adds the"
                            + " candidate Service '" + candidateService + "' beside it)",
                    null);
        }
        return rules;
    }

    private boolean setWeights(HTTPRouteRule rule, int candidate) {
        HTTPBackendRef stable = find(rule, stableService);
        HTTPBackendRef canary = find(rule, candidateService);
        boolean changed = false;
        if (canary == null) {
            canary =
                    new HTTPBackendRefBuilder(stable).withName(candidateService).build();
            canary.setWeight(-1);
            rule.getBackendRefs().add(canary);
        }
        if (!Integer.valueOf(SCALE - candidate).equals(stable.getWeight())) {
            stable.setWeight(SCALE - candidate);
            changed = true;
        }
        if (!Integer.valueOf(candidate).equals(canary.getWeight())) {
            canary.setWeight(candidate);
            changed = true;
        }
        return changed;
    }

    private static int weightOf(HTTPRouteRule rule, String service) {
        HTTPBackendRef ref = find(rule, service);
        if (ref == null) {
            return -1;
        }
        // The Gateway API default weight is 1.
        return ref.getWeight() == null ? 1 : ref.getWeight();
    }

    private static HTTPBackendRef find(HTTPRouteRule rule, String service) {
        if (rule.getBackendRefs() == null) {
            return null;
        }
        return rule.getBackendRefs().stream()
                .filter(ref -> service.equals(ref.getName()))
                .filter(ref -> ref.getKind() == null || "Service".equals(ref.getKind()))
                .filter(ref -> ref.getGroup() == null || ref.getGroup().isEmpty())
                .findFirst()
                .orElse(null);
    }

    private ApiCall call(String verb) {
        return ApiCall.of(verb, Kind.HTTP_ROUTE, namespace, route);
    }
}
