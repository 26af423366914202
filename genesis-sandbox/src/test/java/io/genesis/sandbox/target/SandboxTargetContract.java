package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.DeploymentTargetContract;
import io.genesis.core.target.Health;
import io.genesis.core.target.Version;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.SampleService;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotLauncher;
import io.genesis.sandbox.testing.Await;
import io.genesis.sandbox.testing.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The target contract on a real sandbox: slots on loopback ports behind the weighted Jetty proxy. Where
 * traffic goes is measured by sending requests through the proxy and counting which version answered, and
 * what runs is read from every slot the launcher ever started, so neither trusts the target's own account.
 *
 * <p>A sandbox target has one shape for every strategy (blue-green and canary both deploy a candidate beside
 * stable and split traffic with the proxy; the strategy only decides which ports the engine calls), so
 * layouts differ by how versions run: in this JVM or as child processes.
 */
abstract class SandboxTargetContract extends DeploymentTargetContract {

    static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    static final DeploymentContext CANDIDATE = new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    /**
     * Requests per traffic measurement. The proxy's default smooth round robin gives every slot exactly its
     * weight in any run of 100 requests, so the measured share is exact, not a sample.
     */
    private static final int REQUESTS = 100;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LaunchedSlots launched;
    private Sandbox sandbox;
    private SandboxTarget target;

    /** How this layout starts a version. */
    abstract SlotLauncher launcher();

    @BeforeEach
    void startSandbox() {
        launched = new LaunchedSlots(launcher());
        sandbox =
                Sandbox.start(SandboxConfig.defaults().withLauncher(launched).withDrainTimeout(Duration.ofSeconds(5)));
        target = SandboxTarget.start(KEY, sandbox, stableVersion());
    }

    @AfterEach
    void closeSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
        assertThat(launched.running())
                .as("slots still running after the sandbox closed")
                .isEmpty();
    }

    @Override
    protected DeploymentTarget target() {
        return target;
    }

    @Override
    protected String stableVersion() {
        return "1.0.0";
    }

    @Override
    protected DeploymentContext candidate() {
        return CANDIDATE;
    }

    /**
     * Waits as the engine does, polling the candidate's health until it is no longer progressing (a slot
     * starts on a background thread), then until no slot runs that the target no longer accounts for: a
     * slot a rollback or scale-down left behind would never settle.
     */
    @Override
    protected void settle() {
        Await.until(
                "the candidate is no longer starting",
                WAIT,
                () -> target.health(CANDIDATE).state() != Health.State.PROGRESSING);
        Await.until(
                "every running slot is the stable, candidate, previous or retiring one of the target",
                WAIT,
                () -> launched.running().stream()
                        .allMatch(slot -> accountedFor().contains(slot.id())));
    }

    @Test
    void shouldCallACandidateWhoseSlotStoppedUnhealthyAtOnce() throws Exception {
        target.deployCandidate(CANDIDATE);
        settle();
        Slot candidate = target.candidate().orElseThrow();

        candidate.close();

        Health health = target.health(CANDIDATE);
        assertThat(health.state()).isEqualTo(Health.State.UNHEALTHY);
        assertThat(health.message()).contains("is no longer running", "cannot become healthy");
    }

    /** Sends {@value #REQUESTS} requests through the proxy and returns the share {@code version} answered. */
    @Override
    protected double trafficTo(String version) {
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> answer = Http.get(sandbox.proxyUri());
            boolean fromVersion = answer.headers()
                    .firstValue(SampleService.VERSION_HEADER)
                    .filter(version::equals)
                    .isPresent();
            if (answer.statusCode() == 200 && fromVersion) {
                answered++;
            }
        }
        return answered * 100.0 / REQUESTS;
    }

    @Override
    protected boolean runs(String version) {
        return launched.running().stream().anyMatch(slot -> slot.version().equals(version));
    }

    private Set<SlotId> accountedFor() {
        return Stream.concat(
                        Stream.of(Optional.of(target.stable()), target.candidate(), target.previous())
                                .flatMap(Optional::stream),
                        target.retiring().stream())
                .map(Slot::id)
                .collect(Collectors.toSet());
    }

    /** The launcher of the layout, remembering every slot it started so that tests can see which still run. */
    private static final class LaunchedSlots implements SlotLauncher {

        private final SlotLauncher launcher;
        private final List<Slot> slots = new CopyOnWriteArrayList<>();

        LaunchedSlots(SlotLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Slot launch(SlotId id, String version) {
            Slot slot = launcher.launch(id, version);
            slots.add(slot);
            return slot;
        }

        List<Slot> running() {
            return slots.stream().filter(Slot::isRunning).toList();
        }
    }
}
