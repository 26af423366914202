package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.promotion.PromotionCheck;
import io.genesis.core.promotion.PromotionRefusedException;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.target.TargetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployTranslationTest {

    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final TargetSpec KUBERNETES = new TargetSpec("kubernetes", Map.of("namespace", "shop"));

    private static BuildFacts build(Map<String, String> variables) {
        return new BuildFacts("shop/main#7", "bob", "ci-bot", variables);
    }

    private static GenesisDeployStep step() {
        return new GenesisDeployStep("shop", "staging");
    }

    /** The request for {@code step} to staging on Kubernetes, from a main build of {@link #COMMIT}. */
    private static RolloutRequest toStaging(GenesisDeployStep step) {
        return request(step, "staging");
    }

    /** The request for {@code step} to {@code environment} (a default one) on Kubernetes, from a main build. */
    private static RolloutRequest request(GenesisDeployStep step, String environment) {
        return DeployTranslation.request(
                step,
                Environments.defaults().named(environment),
                KUBERNETES,
                build(Map.of("GIT_COMMIT", COMMIT, "BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY);
    }

    @Test
    void shouldMapTheStepAndTheBuildOntoOneRequest() {
        // given
        GenesisDeployStep step = step();
        step.setStrategy("rolling");
        step.setMaxSurge("50");
        step.setImage("registry.example.com/shop:1.4.0");
        step.setProbeUrl("http://127.0.0.1:8080/health");

        // when
        RolloutRequest request = toStaging(step);

        // then
        assertThat(request.strategy()).isEqualTo("rolling");
        assertThat(request.strategySettings().rollingBounds().maxSurge().value())
                .isEqualTo(50.0);
        assertThat(request.version().value()).isEqualTo("1.4.0");
        assertThat(request.commit()).isEqualTo(COMMIT);
        assertThat(request.ref()).isEqualTo(SourceRef.branch("main"));
        assertThat(request.target().settings())
                .containsEntry("image", "registry.example.com/shop:1.4.0")
                .containsEntry("namespace", "shop");
        assertThat(request.metrics().kind()).isEqualTo("httpProbe");
        assertThat(request.build()).isEqualTo("shop/main#7");
        assertThat(request.initiator()).isEqualTo("bob");
        assertThat(request.initiatorAccount()).isEqualTo("ci-bot");
    }

    @Test
    void shouldRefuseAScriptThatClaimsAnotherBranchThanItsMultibranchBuild() {
        // given
        GenesisDeployStep step = step();
        step.setRef("main");

        // then
        assertThatThrownBy(() -> DeployTranslation.ref(step, build(Map.of("BRANCH_NAME", "feature/x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ref: 'main'")
                .hasMessageContaining("feature/x");
    }

    @ParameterizedTest
    @CsvSource({
        "'', TAG_NAME, v1.2.3, TAG, v1.2.3",
        "'', GIT_BRANCH, origin/main, BRANCH, main",
        "release/1, NONE, '', BRANCH, release/1",
        "refs/tags/v2, NONE, '', TAG, v2"
    })
    void shouldTakeTheRefFromTheBuildElseTheScript(
            String given, String variable, String value, SourceRef.Kind kind, String name) {
        // given
        GenesisDeployStep step = step();
        step.setRef(given);

        // when
        SourceRef ref = DeployTranslation.ref(step, build(Map.of(variable, value)));

        // then
        assertThat(ref).isEqualTo(new SourceRef(kind, name));
    }

    @Test
    void shouldNameTheFixWhenNoCommitIsKnown() {
        assertThatThrownBy(() -> DeployTranslation.commit(step(), build(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commit:")
                .hasMessageContaining("GIT_COMMIT");
    }

    @Test
    void shouldNameTheTuningOptionAsTheScriptWritesIt() {
        // given
        GenesisDeployStep step = step();
        step.setKeepPrevious("forever");

        // then
        assertThatThrownBy(() -> toStaging(step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepPrevious")
                .hasMessageContaining("forever");
    }

    @ParameterizedTest
    @CsvSource({"'', PT15M", "5m, PT5M", "90s, PT1M30S", "15m, PT15M"})
    void shouldTakeTheHealthDeadlineFromTheEnvironmentOrAShorterOneFromTheScript(
            String healthTimeout, java.time.Duration expected) {
        GenesisDeployStep step = step();
        step.setHealthTimeout(healthTimeout);

        RolloutRequest request = DeployTranslation.request(
                step,
                Environments.defaults().named("staging").withHealthDeadline(java.time.Duration.ofMinutes(15)),
                KUBERNETES,
                build(Map.of("GIT_COMMIT", COMMIT, "BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY);

        assertThat(request.healthDeadline()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "2026-12-07T06:00:00+01:00, 2026-12-07T05:00:00Z",
        "2026-12-07T05:00:00Z, 2026-12-07T05:00:00Z"
    })
    void shouldCarryTheCommitTimeTheScriptGivesAsGitPrintsIt(String commitTime, String expected) {
        GenesisDeployStep step = step();
        step.setCommitTime(commitTime);

        RolloutRequest request = toStaging(step);

        assertThat(request.commitTime()).isEqualTo(expected.isEmpty() ? null : java.time.Instant.parse(expected));
    }

    @Test
    void shouldRefuseACommitTimeWithoutAnOffsetInTheWordsOfTheCommandLine() {
        GenesisDeployStep step = step();
        step.setCommitTime("2026-12-07 06:00");
        String expected = "commitTime '2026-12-07 06:00' is not a commit time: expected ISO-8601 with an offset, such"
                + " as 2026-12-07T06:00:00+01:00 or 2026-12-07T05:00:00Z, as 'git show -s --format=%cI <commit>'"
                + " prints it";

        assertThatThrownBy(() -> toStaging(step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThat(DeployValidation.checkCommitTime("2026-12-07 06:00")).contains(expected);
        assertThat(DeployValidation.checkCommitTime("")).isEmpty();
    }

    @Test
    void shouldRefuseAHealthTimeoutLongerThanTheEnvironmentAllows() {
        GenesisDeployStep step = step();
        step.setHealthTimeout("20m");

        assertThatThrownBy(() -> toStaging(step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("healthTimeout 20 min is longer than the 10 min environment staging allows; fix: ask for"
                        + " at most that, or raise healthDeadlineMinutes of staging in its configuration");
    }

    @Test
    void shouldRefuseTwoDifferentImages() {
        // given
        GenesisDeployStep step = step();
        step.setImage("shop:2");

        // then
        assertThatThrownBy(() -> DeployTranslation.request(
                        step,
                        Environments.defaults().named("staging"),
                        new TargetSpec("kubernetes", Map.of("image", "shop:1")),
                        build(Map.of("GIT_COMMIT", COMMIT, "BRANCH_NAME", "main")),
                        DeployFixtures.NO_HISTORY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop:2")
                .hasMessageContaining("shop:1");
    }

    private static GenesisDeployStep toProduction() {
        GenesisDeployStep step = new GenesisDeployStep("shop", "production");
        step.setVersion("1.4.0");
        step.setCommit(COMMIT);
        return step;
    }

    private static RolloutRequest productionRequest(GenesisDeployStep step) {
        return request(step, "production");
    }

    @Test
    void shouldRefuseAVersionThatNeverSucceededInStagingBeforeAnythingIsDeployed() {
        assertThatThrownBy(() -> productionRequest(toProduction()))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessageContaining("staging")
                .hasMessageContaining("never deployed there")
                .hasMessageContaining("force: true reason");
    }

    @Test
    void shouldRecordABypassOfThePromotionPathWithItsReason() {
        // given
        GenesisDeployStep step = toProduction();
        step.setForce(true);
        step.setReason("INC-42: hotfix");

        // when
        RolloutRequest request = productionRequest(step);

        // then
        assertThat(request.notes())
                .singleElement()
                .asString()
                .startsWith(PromotionCheck.BYPASS_NOTE)
                .contains("INC-42: hotfix", "staging");
    }

    /** Staging frozen from 09:00 to 12:00 UTC on 7 December 2026, and a clock at 10:00 that day. */
    private static DeployTranslation.Freeze frozenStaging() {
        return new DeployTranslation.Freeze(
                new io.genesis.core.promotion.FreezeCheck(java.time.Clock.fixed(
                        java.time.Instant.parse("2026-12-07T10:00:00Z"), java.time.ZoneOffset.UTC)),
                new io.genesis.core.freeze.FreezeCalendar(List.of(new io.genesis.core.freeze.FreezeWindow.Dated(
                        "release party",
                        java.time.ZoneOffset.UTC,
                        java.time.LocalDateTime.parse("2026-12-07T09:00"),
                        java.time.LocalDateTime.parse("2026-12-07T12:00")))));
    }

    private static RolloutRequest stagingRequest(GenesisDeployStep step, DeployTranslation.Freeze freeze) {
        return DeployTranslation.request(
                step,
                Environments.defaults().named("staging"),
                KUBERNETES,
                build(Map.of("GIT_COMMIT", COMMIT, "BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY,
                java.util.Optional.empty(),
                freeze);
    }

    @Test
    void shouldRefuseADeployWhileAFreezeOfTheGlobalConfigurationHolds() {
        assertThatThrownBy(() -> stagingRequest(step(), frozenStaging()))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessageStartingWith("no deploys to staging now: staging is frozen until ")
                .hasMessageContaining("(release party)")
                .hasMessageContaining("force: true reason");
    }

    @Test
    void shouldRecordAnOverriddenFreezeWithItsReason() {
        GenesisDeployStep step = step();
        step.setForce(true);
        step.setReason("INC-7: checkout down");

        RolloutRequest request = stagingRequest(step, frozenStaging());

        assertThat(request.notes())
                .singleElement()
                .asString()
                .startsWith(
                        io.genesis.core.promotion.FreezeCheck.OVERRIDE_NOTE + " with force: true: INC-7: checkout down")
                .contains("release party");
        assertThat(request.freezeOverride())
                .as("the engine promotes through a freeze too")
                .isEqualTo("INC-7: checkout down");
    }

    @Test
    void shouldDeployOutsideTheFreezeWithoutANote() {
        RolloutRequest request = stagingRequest(step(), DeployTranslation.Freeze.NONE);
        assertThat(request.notes()).isEmpty();
        assertThat(request.forcedThroughFreeze()).isFalse();
    }

    @Test
    void shouldRefuseABypassWithoutAReason() {
        GenesisDeployStep step = toProduction();
        step.setForce(true);

        assertThatThrownBy(() -> productionRequest(step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @ParameterizedTest
    @CsvSource({"'', PRE_TRAFFIC", "preTraffic, PRE_TRAFFIC", "beforeDeploy, BEFORE_DEPLOY", "on-rollback, ON_ROLLBACK"
    })
    void shouldRunTheBlockAtThePhaseTheStepNames(String given, io.genesis.core.hook.HookPhase phase) {
        GenesisDeployStep step = new GenesisDeployStep("shop", "staging");
        step.setHookPhase(given);

        assertThat(step.bodyPhase()).isEqualTo(phase);
    }

    @Test
    void shouldNameTheKnownPhasesForAnUnknownBlockPhase() {
        GenesisDeployStep step = new GenesisDeployStep("shop", "staging");
        step.setHookPhase("afterDeploy");

        assertThatThrownBy(step::bodyPhase)
                .hasMessage("hookPhase: unknown hook phase 'afterDeploy'; use one of before-deploy, pre-traffic,"
                        + " after-promotion, on-rollback");
    }
}
