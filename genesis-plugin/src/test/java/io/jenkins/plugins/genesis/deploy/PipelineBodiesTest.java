package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.hook.HookReport;
import io.genesis.core.hook.HookRun;
import io.genesis.core.target.DeploymentKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBodiesTest {

    private static final Hook BODY = Hook.hosted(HookPhase.PRE_TRAFFIC, PipelineBodies.BODY, null);
    private static final HookContext CONTEXT = new HookContext(
            "j-1",
            new DeploymentKey("shop", "staging"),
            "1.2.3",
            "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
            HookPhase.PRE_TRAFFIC,
            URI.create("http://127.0.0.1:8123"));

    private final PipelineBodies bodies = new PipelineBodies();
    private final List<HookContext> started = new ArrayList<>();
    private final List<String> stopped = new ArrayList<>();

    @Test
    void shouldStartAHookReachedBeforeItsStepWaitsOnceItDoes() {
        HookRun run = bodies.start(BODY, CONTEXT);
        assertThat(started).isEmpty();

        bodies.waiting("j-1", this::start);

        assertThat(started).containsExactly(CONTEXT);
        assertThat(run.poll()).isEmpty();
    }

    @Test
    void shouldPassWhenTheBodyCompletes() {
        bodies.waiting("j-1", this::start);
        HookRun run = bodies.start(BODY, CONTEXT);

        bodies.ended("j-1", null);

        assertThat(run.poll()).hasValueSatisfying(report -> {
            assertThat(report.passed()).isTrue();
            assertThat(report.detail()).isEqualTo("the body completed");
        });
    }

    @Test
    void shouldFailWithTheBodysErrorSecretsMasked() {
        bodies.waiting("j-1", this::start);
        HookRun run = bodies.start(BODY, CONTEXT);

        bodies.ended("j-1", new IllegalStateException("curl https://ci:hunter2@127.0.0.1/x returned 503"));

        HookReport report = run.poll().orElseThrow();
        assertThat(report.passed()).isFalse();
        assertThat(report.detail()).isEqualTo("the body failed: curl https://****@127.0.0.1/x returned 503");
    }

    @Test
    void shouldStopTheBodyWhenTheEngineStopsTheHook() {
        bodies.waiting("j-1", this::start);
        HookRun run = bodies.start(BODY, CONTEXT);

        run.stop();

        assertThat(stopped).containsExactly("j-1");
        assertThat(run.poll())
                .hasValueSatisfying(report -> assertThat(report.passed()).isFalse());
    }

    @Test
    void shouldStartNothingForAStepThatHasEnded() {
        bodies.waiting("j-1", this::start);
        bodies.forget("j-1");

        HookRun run = bodies.start(BODY, CONTEXT);

        assertThat(started).isEmpty();
        assertThat(run.poll()).isEmpty();
    }

    private Runnable start(HookContext context) {
        started.add(context);
        return () -> stopped.add(context.rolloutId());
    }
}
