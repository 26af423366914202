package io.genesis.kubernetes.lock;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rollout lock of each (application, environment), kept as a {@code coordination.k8s.io/v1}
 * Lease named {@code genesis-<application>-<environment>} in the environment's namespace: the
 * holder identity is the rollout, the renew time plus lease duration its expiry. A lapsed lease
 * can be taken over; whether another holder's claim lapsed is judged on this process's clock, from
 * when it saw the claim last change ({@link ObservedLeases}). Every write carries the resource
 * version it read, so of two engines racing for a lease exactly one wins; the loser re-reads and
 * sees the winner. Release deletes with that resource version as a precondition.
 */
public final class LeaseLock {

    /** The annotation naming the engine instance that runs the holding rollout. */
    public static final String OWNER = "genesis.io/owner";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    private final KubernetesClient client;
    private final String namespace;
    private final ObservedLeases observed;

    public LeaseLock(KubernetesClient client, String namespace) {
        this(client, namespace, new ObservedLeases());
    }

    /** A lock judging expiry from {@code observed}, what this process saw of the Leases so far. */
    public LeaseLock(KubernetesClient client, String namespace, ObservedLeases observed) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.observed = Objects.requireNonNull(observed, "observed");
    }

    /** The Lease that locks {@code application} in {@code environment}. */
    public static String leaseName(String application, String environment) {
        String name = "genesis-" + application + "-" + environment;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("lease name '" + name + "' is not a valid Kubernetes name: application"
                    + " and environment must be lower-case letters, digits and '-'");
        }
        return name;
    }

    /**
     * Takes the lease for {@code holder} until {@code now + ttl} when it is free, lapsed, or already
     * {@code holder}'s (then renewed); empty while another holder's claim is live.
     */
    public Optional<LeaseClaim> acquire(String lease, String holder, String owner, Instant now, Duration ttl) {
        requireTtl(ttl);
        return Api.retryOnConflict(call("update", lease), () -> {
            Optional<Lease> current = read(lease);
            if (current.isEmpty()) {
                Lease created = Api.call(
                        call("create", lease),
                        () -> client.leases()
                                .inNamespace(namespace)
                                .resource(newLease(lease, holder, owner, now, ttl))
                                .create());
                observed.wrote(created, now);
                return Optional.of(claim(created));
            }
            Lease existing = current.get();
            LeaseClaim claim = claim(existing);
            boolean mine = holder.equals(claim.holder());
            if (!mine && !observed.lapsed(existing, now)) {
                return Optional.empty();
            }
            existing.getSpec().setHolderIdentity(holder);
            if (!mine) {
                existing.getSpec().setAcquireTime(time(now));
                Integer transitions = existing.getSpec().getLeaseTransitions();
                existing.getSpec().setLeaseTransitions(transitions == null ? 1 : transitions + 1);
            }
            existing.getSpec().setRenewTime(time(now));
            existing.getSpec().setLeaseDurationSeconds(seconds(ttl));
            Map<String, String> annotations = new HashMap<>(
                    existing.getMetadata().getAnnotations() == null
                            ? Map.of()
                            : existing.getMetadata().getAnnotations());
            annotations.put(OWNER, owner);
            existing.getMetadata().setAnnotations(annotations);
            return Optional.of(claim(update(existing, now)));
        });
    }

    /** Renews {@code holder}'s claim to {@code now + ttl}; empty when it no longer holds the lease. */
    public Optional<LeaseClaim> refresh(String lease, String holder, Instant now, Duration ttl) {
        return refresh(lease, holder, Optional.empty(), now, ttl);
    }

    /**
     * As {@link #refresh(String, String, Instant, Duration)}, and only while the Lease still holds
     * {@code taken} (the same engine, the same acquire time) when given: a rollout another engine
     * adopted keeps its holder identity, and the engine that lost it must not renew it.
     */
    public Optional<LeaseClaim> refresh(
            String lease, String holder, Optional<LeaseClaim> taken, Instant now, Duration ttl) {
        requireTtl(ttl);
        return Api.retryOnConflict(call("update", lease), () -> {
            Optional<Lease> current = read(lease);
            if (current.isEmpty() || !holder.equals(current.get().getSpec().getHolderIdentity())) {
                return Optional.empty();
            }
            LeaseClaim live = claim(current.get());
            if (taken.isPresent()
                    && (!taken.get().owner().equals(live.owner())
                            || !taken.get().acquiredAt().equals(live.acquiredAt()))) {
                return Optional.empty();
            }
            Lease existing = current.get();
            existing.getSpec().setRenewTime(time(now));
            existing.getSpec().setLeaseDurationSeconds(seconds(ttl));
            return Optional.of(claim(update(existing, now)));
        });
    }

    /**
     * Deletes the lease if {@code holder} holds it; otherwise does nothing. The delete carries the
     * resource version that was read: if another engine took the lease in between, the API refuses
     * (409) and the lease stays theirs.
     */
    public void release(String lease, String holder) {
        Optional<Lease> current = read(lease);
        if (current.isPresent() && holder.equals(current.get().getSpec().getHolderIdentity())) {
            String version = current.get().getMetadata().getResourceVersion();
            try {
                Api.call(
                        call("delete", lease),
                        () -> client.leases()
                                .inNamespace(namespace)
                                .withName(lease)
                                .lockResourceVersion(version)
                                .delete());
            } catch (KubernetesApiException e) {
                if (e.problem() != Problem.CONFLICT) {
                    throw e;
                }
            }
        }
    }

    /** The current claim, lapsed or not. */
    public Optional<LeaseClaim> current(String lease) {
        return read(lease)
                .filter(l -> l.getSpec() != null && l.getSpec().getHolderIdentity() != null)
                .map(LeaseLock::claim);
    }

    private Optional<Lease> read(String lease) {
        return Api.find(
                call("get", lease),
                () -> client.leases().inNamespace(namespace).withName(lease).get());
    }

    private Lease update(Lease lease, Instant now) {
        // update() sends the resource version that was read: a concurrent writer makes this fail with 409.
        Lease written = Api.call(
                call("update", lease.getMetadata().getName()),
                () -> client.leases().inNamespace(namespace).resource(lease).update());
        observed.wrote(written, now);
        return written;
    }

    private Lease newLease(String lease, String holder, String owner, Instant now, Duration ttl) {
        return new LeaseBuilder()
                .withNewMetadata()
                .withName(lease)
                .withNamespace(namespace)
                .withAnnotations(new HashMap<>(Map.of(OWNER, owner)))
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(holder)
                .withAcquireTime(time(now))
                .withRenewTime(time(now))
                .withLeaseDurationSeconds(seconds(ttl))
                .withLeaseTransitions(0)
                .endSpec()
                .build();
    }

    static LeaseClaim claim(Lease lease) {
        var spec = lease.getSpec();
        Map<String, String> annotations = lease.getMetadata().getAnnotations();
        String owner = annotations == null ? "" : annotations.getOrDefault(OWNER, "");
        Instant renewed = instant(spec.getRenewTime() != null ? spec.getRenewTime() : spec.getAcquireTime());
        Instant acquired = spec.getAcquireTime() == null ? renewed : instant(spec.getAcquireTime());
        int duration = spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds();
        String holder = spec.getHolderIdentity() == null ? "" : spec.getHolderIdentity();
        return new LeaseClaim(lease.getMetadata().getName(), holder, owner, acquired, renewed.plusSeconds(duration));
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? Instant.EPOCH : time.toInstant();
    }

    /** Lease times are MicroTime: keep microseconds so that what is read back equals what was written. */
    private static ZonedDateTime time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    private static int seconds(Duration ttl) {
        return Math.toIntExact(Math.max(1, (ttl.toMillis() + 999) / 1000));
    }

    private static void requireTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("lease ttl must be positive, got " + ttl);
        }
    }

    private ApiCall call(String verb, String lease) {
        return ApiCall.of(verb, Kind.LEASE, namespace, lease);
    }
}
