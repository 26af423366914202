package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.Health;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.EventSink;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits traffic with the backend weights of a Gateway API {@code HTTPRoute}: in every rule that
 * sends traffic to the stable Service, the candidate Service gets {@code weight} and stable the
 * rest. Weights are written in hundredths of a percent (stable 9000, candidate 1000 for 10 %), so a
 * split like 12.5 % stays exact. A weight counts as verified once the route says so and every
 * gateway in its {@code spec.parentRefs} reports the current generation accepted with its
 * references resolved. A rule that also sends traffic to another backend is refused.
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
            requireOnlyOurBackends(rules);
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
        return weightApplied(weight).isHealthy();
    }

    /**
     * Healthy once every routed rule carries {@code weight} and every gateway of {@code
     * spec.parentRefs} reports the generation accepted with its references resolved; else
     * progressing with which parentRef has not reported or reports which condition, its reason and
     * message, and, when a reference does not resolve, which backendRef names a Service that does
     * not exist and what to do.
     */
    @Override
    public Health weightApplied(Percentage weight) {
        int candidate = candidateWeight(weight);
        HTTPRoute current = read();
        List<HTTPRouteRule> rules = routedRules(current);
        requireOnlyOurBackends(rules);
        for (HTTPRouteRule rule : rules) {
            if (weightOf(rule, candidateService) != candidate || weightOf(rule, stableService) != SCALE - candidate) {
                return Health.progressing(describe() + " to carry weight " + candidate + " for " + candidateService
                        + " and " + (SCALE - candidate) + " for " + stableService);
            }
        }
        Optional<String> pending = notInEffect(current, true);
        if (pending.isEmpty()) {
            return Health.healthy(weight + " to " + candidateService + " on " + describe());
        }
        String where = "HTTPRoute " + namespace + "/" + route;
        if (notInEffect(current, false).isPresent()) {
            // A gateway has not reported this generation or refused it: no Service is read (one request a poll).
            return Health.progressing(where + ": " + pending.get());
        }
        List<String> absent = missingServices(rules);
        if (candidate == 0 && absent.equals(List.of(candidateService))) {
            // By the Gateway API spec only the share an invalid backendRef would get is answered with HTTP 500
            // (HTTPRouteRule.backendRefs); at weight 0 that is no request, and every gateway accepted the route at
            // this generation, so 0 % is in effect although ResolvedRefs stays False.
            events.emit(where + ": backendRef " + candidateService + " names a Service that does not exist; it"
                    + " carries weight 0, so no request reaches it and " + stableService + " serves all traffic;"
                    + " remove that backendRef from the route or deploy again to recreate the Service");
            return Health.healthy("0 % to " + candidateService + " (a Service that does not exist) on " + describe());
        }
        return Health.progressing(where + ": " + pending.get() + missing(absent));
    }

    /** The Services our backendRefs name that do not exist in the namespace. */
    private List<String> missingServices(List<HTTPRouteRule> rules) {
        List<String> absent = new ArrayList<>();
        Services services = new Services(client, namespace);
        for (String service : List.of(stableService, candidateService)) {
            boolean named = rules.stream().anyMatch(rule -> find(rule, service) != null);
            if (named && services.find(service).isEmpty()) {
                absent.add(service);
            }
        }
        return absent;
    }

    /**
     * Names the missing Services with the fix: by the Gateway API spec a backendRef that does not
     * resolve gets HTTP 500 for its share, whatever the gateway says.
     */
    private String missing(List<String> absent) {
        if (absent.isEmpty()) {
            return "";
        }
        boolean one = absent.size() == 1;
        return "; backendRef" + (one ? " " : "s ") + String.join(", ", absent)
                + (one ? " names a Service that does not exist" : " name Services that do not exist")
                + " in namespace " + namespace + ", so " + (one ? "its" : "their") + " share of the traffic gets HTTP"
                + " 500: create " + (one ? "that Service" : "them") + " again"
                + (absent.contains(stableService) ? "" : " (a deploy recreates the candidate's)")
                + " or remove " + (one ? "that backendRef" : "those backendRefs") + " from the route";
    }

    /** Why the route's current generation is not in effect with every reference resolved, or empty when it is. */
    static Optional<String> notInEffect(HTTPRoute route) {
        return notInEffect(route, true);
    }

    /**
     * Why the route's current generation is not in effect yet, or empty when it is. Walked from
     * {@code spec.parentRefs} — not from {@code status.parents}, where a gateway that has not
     * reported yet is simply absent — each parentRef must have a status entry (same group, kind,
     * namespace, defaulting to the route's, name, section and port) with {@code Accepted=True} and
     * {@code ResolvedRefs=True} observed at the current generation: by the Gateway API spec a
     * backendRef that does not resolve gets HTTP 500 for its share. With {@code resolvedRequired}
     * false, ResolvedRefs must be reported at the generation but may be False.
     */
    static Optional<String> notInEffect(HTTPRoute route, boolean resolvedRequired) {
        long generation = route.getMetadata().getGeneration() == null
                ? 0
                : route.getMetadata().getGeneration();
        String home = route.getMetadata().getNamespace();
        List<ParentReference> parents =
                route.getSpec() == null || route.getSpec().getParentRefs() == null
                        ? List.of()
                        : route.getSpec().getParentRefs();
        if (parents.isEmpty()) {
            return Optional.of("it names no parentRef, so no gateway serves it");
        }
        List<RouteParentStatus> reported =
                route.getStatus() == null || route.getStatus().getParents() == null
                        ? List.of()
                        : route.getStatus().getParents();
        for (ParentReference parent : parents) {
            String name = describe(parent, home);
            RouteParentStatus status = reported.stream()
                    .filter(r -> r.getParentRef() != null && same(r.getParentRef(), parent, home))
                    .findFirst()
                    .orElse(null);
            if (status == null) {
                return Optional.of("gateway " + name + " has not reported on it yet");
            }
            for (String type : List.of("Accepted", "ResolvedRefs")) {
                Condition condition = status.getConditions() == null
                        ? null
                        : status.getConditions().stream()
                                .filter(c -> type.equals(c.getType()))
                                .findFirst()
                                .orElse(null);
                if (condition == null
                        || condition.getObservedGeneration() == null
                        || condition.getObservedGeneration() < generation) {
                    return Optional.of(
                            "gateway " + name + " has not reported " + type + " for generation " + generation);
                }
                if (!"True".equals(condition.getStatus()) && (resolvedRequired || "Accepted".equals(type))) {
                    return Optional.of("gateway " + name + " reports " + type + "=" + condition.getStatus() + " ("
                            + condition.getReason() + ": " + condition.getMessage() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(ParentReference a, ParentReference b, String home) {
        return Objects.equals(
                        orDefault(a.getGroup(), "gateway.networking.k8s.io"),
                        orDefault(b.getGroup(), "gateway.networking.k8s.io"))
                && Objects.equals(orDefault(a.getKind(), "Gateway"), orDefault(b.getKind(), "Gateway"))
                && Objects.equals(orDefault(a.getNamespace(), home), orDefault(b.getNamespace(), home))
                && Objects.equals(a.getName(), b.getName())
                && Objects.equals(orDefault(a.getSectionName(), ""), orDefault(b.getSectionName(), ""))
                && Objects.equals(a.getPort(), b.getPort());
    }

    private static String describe(ParentReference parent, String home) {
        return orDefault(parent.getNamespace(), home) + "/" + parent.getName()
                + (parent.getSectionName() == null ? "" : " (" + parent.getSectionName() + ")");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * Weights are relative to the sum of a rule's backends: another backend with a weight would
     * make "10 %" something else, so such a rule is refused with what to change.
     */
    private void requireOnlyOurBackends(List<HTTPRouteRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (HTTPBackendRef ref : rules.get(i).getBackendRefs()) {
                boolean ours = ref == find(rules.get(i), stableService) || ref == find(rules.get(i), candidateService);
                int weight = ref.getWeight() == null ? 1 : ref.getWeight();
                if (!ours && weight > 0) {
                    throw new KubernetesApiException(
                            call("update"),
                            Problem.INVALID,
                            0,
                            "HTTPRoute '" + route + "': a rule that sends traffic to Service '" + stableService
                                    + "' also sends it to backend '" + ref.getName() + "' (weight " + weight
                                    + "); weights are relative to the sum of a rule's backends, so Genesis' split would"
                                    + " not be the traffic's: set that backend's weight to 0 or move it to a rule of"
                                    + " its own",
                            null);
                }
            }
        }
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
