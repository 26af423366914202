package io.genesis.kubernetes.lock;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.NoRetries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class LeaseLockTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final String LEASE = LeaseLock.leaseName("shop", "production");

    KubernetesMockServer server;
    KubernetesClient client;

    private LeaseLock lock;

    @BeforeEach
    void setUp() {
        lock = new LeaseLock(client, NS);
    }

    @Test
    void shouldCreateALeaseWithHolderIdentityAndExpiry() {
        LeaseClaim claim =
                lock.acquire(LEASE, "rollout-1", "jenkins@ci-1", T0, TTL).orElseThrow();

        Lease lease = client.leases()
                .inNamespace(NS)
                .withName("genesis-shop-production")
                .get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("rollout-1");
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(300);
        assertThat(lease.getMetadata().getAnnotations()).containsEntry(LeaseLock.OWNER, "jenkins@ci-1");
        assertThat(claim).isEqualTo(new LeaseClaim(LEASE, "rollout-1", "jenkins@ci-1", T0, T0.plus(TTL)));
        assertThat(lock.current(LEASE)).contains(claim);
    }

    @Test
    void shouldRefuseASecondHolderWhileTheClaimIsLive() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);

        assertThat(lock.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL).minusMillis(1), TTL))
                .isEmpty();
        assertThat(lock.current(LEASE).orElseThrow().holder()).isEqualTo("rollout-1");
    }

    @Test
    void shouldLetAStaleLeaseBeTakenOver() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);

        LeaseClaim taken =
                lock.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL), TTL).orElseThrow();

        assertThat(taken.holder()).isEqualTo("rollout-2");
        assertThat(taken.acquiredAt()).isEqualTo(T0.plus(TTL));
        assertThat(client.leases()
                        .inNamespace(NS)
                        .withName(LEASE)
                        .get()
                        .getSpec()
                        .getLeaseTransitions())
                .isEqualTo(1);
    }

    @Test
    void shouldRenewForTheHolderOnly() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);

        LeaseClaim renewed =
                lock.refresh(LEASE, "rollout-1", T0.plusSeconds(60), TTL).orElseThrow();

        assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(60).plus(TTL));
        assertThat(renewed.acquiredAt()).isEqualTo(T0);
        assertThat(lock.refresh(LEASE, "rollout-2", T0.plusSeconds(60), TTL)).isEmpty();
        assertThat(lock.refresh("genesis-other-production", "rollout-1", T0, TTL))
                .isEmpty();
    }

    @Test
    void shouldLetTheHolderAcquireAgainAfterARestart() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);

        LeaseClaim again = lock.acquire(LEASE, "rollout-1", "ci-2", T0.plusSeconds(10), TTL)
                .orElseThrow();

        assertThat(again.owner()).isEqualTo("ci-2");
        assertThat(again.acquiredAt()).isEqualTo(T0);
    }

    @Test
    void shouldReleaseOnlyForTheHolder() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);

        lock.release(LEASE, "rollout-2");
        assertThat(lock.current(LEASE)).isPresent();
        lock.release(LEASE, "rollout-1");
        assertThat(lock.current(LEASE)).isEmpty();
    }

    @Test
    void shouldLoseARaceToAnEngineThatWroteFirst() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);
        server.expect()
                .put()
                .withPath("/apis/coordination.k8s.io/v1/namespaces/test/leases/" + LEASE)
                .andReturn(409, "{\"kind\":\"Status\",\"message\":\"the object has been modified\"}")
                .once();
        // The engine that won the race renews its lease before this one re-reads.
        client.leases().inNamespace(NS).withName(LEASE).edit(l -> {
            l.getSpec().setHolderIdentity("rollout-3");
            l.getSpec().setRenewTime(T0.plus(TTL).atZone(java.time.ZoneOffset.UTC));
            return l;
        });

        assertThat(lock.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL), TTL)).isEmpty();
        assertThat(lock.current(LEASE).orElseThrow().holder()).isEqualTo("rollout-3");
    }

    @Test
    void shouldJudgeAnotherHostsClaimOnItsOwnClockNotOnTheRemoteRenewTime() {
        // Written by an engine whose clock runs an hour behind: its renewTime looks long lapsed here.
        lock.acquire(LEASE, "rollout-1", "ci-1", T0.minus(Duration.ofHours(1)), TTL);
        LeaseLock elsewhere = new LeaseLock(client, NS, new ObservedLeases());

        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0, TTL))
                .as("first seen now: counts from now")
                .isEmpty();
        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL).minusMillis(1), TTL))
                .isEmpty();
        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL), TTL))
                .as("unchanged for a whole lease duration as this process watched it")
                .isPresent();
    }

    @Test
    void shouldNotLetARemoteClockAheadKeepALeaseForever() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0.plus(Duration.ofHours(1)), TTL);
        LeaseLock elsewhere = new LeaseLock(client, NS, new ObservedLeases());

        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0, TTL)).isEmpty();
        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL), TTL))
                .isPresent();
    }

    @Test
    void shouldCountARenewalSeenAsALiveClaim() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);
        LeaseLock elsewhere = new LeaseLock(client, NS, new ObservedLeases());
        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0, TTL)).isEmpty();

        lock.refresh(LEASE, "rollout-1", T0.plus(TTL).minusSeconds(1), TTL);

        assertThat(elsewhere.acquire(LEASE, "rollout-2", "ci-2", T0.plus(TTL), TTL))
                .as("the record changed: it counts again from when it was seen changed")
                .isEmpty();
    }

    @Test
    void shouldLeaveALeaseThatChangedBetweenReadAndRelease() {
        lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL);
        server.expect()
                .delete()
                .withPath("/apis/coordination.k8s.io/v1/namespaces/test/leases/" + LEASE)
                .andReturn(
                        409,
                        "{\"kind\":\"Status\",\"reason\":\"Conflict\",\"message\":\"Precondition failed:"
                                + " UID in precondition\"}")
                .once();

        lock.release(LEASE, "rollout-1");

        assertThat(lock.current(LEASE)).isPresent();
    }

    @Test
    void shouldNotRenewAClaimThatAnotherEngineAdopted() {
        LeaseClaim taken = lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL).orElseThrow();
        lock.acquire(LEASE, "rollout-1", "ci-2", T0.plusSeconds(10), TTL);

        assertThat(lock.refresh(LEASE, "rollout-1", java.util.Optional.of(taken), T0.plusSeconds(20), TTL))
                .isEmpty();
        assertThat(lock.current(LEASE).orElseThrow().owner()).isEqualTo("ci-2");
    }

    @Test
    void shouldNameTheRbacRuleWhenLeasesAreForbidden() {
        server.expect()
                .get()
                .withPath("/apis/coordination.k8s.io/v1/namespaces/test/leases/" + LEASE)
                .andReturn(403, "{\"kind\":\"Status\",\"message\":\"leases.coordination.k8s.io is forbidden\"}")
                .once();

        assertThatThrownBy(() -> lock.acquire(LEASE, "rollout-1", "ci-1", T0, TTL))
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN))
                .hasMessageContaining("get leases.coordination.k8s.io 'genesis-shop-production' in namespace 'test'")
                .hasMessageContaining(
                        "{apiGroups: [\"coordination.k8s.io\"], resources: [\"leases\"], verbs: [\"get\"]}");
    }

    @Test
    void shouldRefuseALeaseNameKubernetesWouldReject() {
        assertThatThrownBy(() -> LeaseLock.leaseName("Shop", "prod"))
                .hasMessageContaining("not a valid Kubernetes name");
    }
}
