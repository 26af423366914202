package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Docker target does beyond the shared contract, on the real engine. */
class DockerTargetITest {

    private static final String CHECK = "HEALTHCHECK --interval=1s --timeout=5s --retries=1 CMD"
            + " [\"/opt/java/bin/java\", \"-cp\", \"/app\", \"io.genesis.docker.sample.SampleHttpService\", \"check\"]";

    private DockerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("production");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldFollowTheImagesHealthcheckWhereItHasOne() {
        String checked = SampleImages.image(fixture.client(), "checked", CHECK);
        String failing = SampleImages.image(
                fixture.client(),
                "check-fails",
                "HEALTHCHECK --interval=1s --retries=1 CMD [\"/opt/java/bin/java\","
                        + " \"-cp\", \"/app\", \"NoSuchClass\"]");
        DockerTarget target = fixture.target(checked, Map.of());
        DeploymentContext good = fixture.context("r-good", "2.0.0");

        target.deployCandidate(good);
        Health first = target.health(good);

        assertThat(first.state()).as(first.message()).isEqualTo(Health.State.PROGRESSING);
        assertThat(first.message()).contains("HEALTHCHECK starting");
        assertThat(DockerFixture.awaitSettled(target, good).isHealthy()).isTrue();

        DockerTarget bad = fixture.target(failing, Map.of());
        DeploymentContext broken = fixture.context("r-bad", "3.0.0");
        bad.deployCandidate(broken);
        Health verdict = DockerFixture.awaitSettled(bad, broken);

        assertThat(verdict.state()).isEqualTo(Health.State.UNHEALTHY);
        assertThat(verdict.message()).contains("HEALTHCHECK reports unhealthy");
    }

    /** A deployer killed between starting a container and adding it to the proxy (found by the kill -9 suite). */
    @Test
    void shouldRollBackAndWeighACandidateThatNeverJoinedTheProxy() {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        DockerTarget target = fixture.target(image, Map.of());
        DeploymentContext lost = fixture.context("r-lost", "2.0.0");
        target.deployCandidate(lost);
        String name = fixture.containers("2.0.0").get(0).name();
        fixture.targets.proxy(fixture.proxyDir, fixture.key).remove(name, java.time.Duration.ofSeconds(1));

        // As the engine rolls back: the router to 0 % and its check, then the target's rollback.
        DockerTarget another = fixture.target(image, Map.of());
        another.setWeight(lost, Percentage.ZERO);
        assertThat(another.verifyWeight(lost, Percentage.ZERO)).isTrue();
        another.rollback(lost);

        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("1.0.0");
        another.retireCandidate(lost);
        assertThat(fixture.runs("2.0.0")).isFalse();

        DeploymentContext rejoins = fixture.context("r-rejoins", "3.0.0");
        another.deployCandidate(rejoins);
        DockerFixture.awaitHealthy(another, rejoins);
        String third = fixture.containers("3.0.0").get(0).name();
        fixture.targets.proxy(fixture.proxyDir, fixture.key).remove(third, java.time.Duration.ofSeconds(1));
        another.setWeight(rejoins, Percentage.HUNDRED);

        assertThat(another.verifyWeight(rejoins, Percentage.HUNDRED)).isTrue();
        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("3.0.0");
    }

    @Test
    void shouldRecordTheImageAndItsDigestOnEachContainer() {
        String image = SampleImages.base(fixture.client());
        DockerTarget target = fixture.target(image, Map.of(DockerSettings.REPLICAS, "2"));
        DeploymentContext context = fixture.context("r-1", "1.0.0");

        target.deployCandidate(context);

        assertThat(fixture.containers("1.0.0")).hasSize(2).allSatisfy(container -> {
            assertThat(container.label(Labels.IMAGE)).isEqualTo(image);
            assertThat(container.label(Labels.IMAGE_DIGEST)).startsWith("sha256:");
            assertThat(container.label(Labels.ROLLOUT)).isEqualTo("r-1");
            assertThat(container.label(Labels.SLOT)).isIn("blue", "green");
            assertThat(container.label(Labels.APPLICATION)).isEqualTo(fixture.key.application());
            assertThat(container.label(Labels.ENVIRONMENT)).isEqualTo("production");
        });
    }

    @Test
    void shouldStartThePreviousVersionAgainWhenRolledBackAfterItWasScaledDown() {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        DockerTarget target = fixture.target(image, Map.of());
        DeploymentContext candidate = fixture.context("r-2", "2.0.0");
        target.deployCandidate(candidate);
        DockerFixture.awaitHealthy(target, candidate);
        target.promote(candidate);
        target.scaleDownPrevious(candidate);
        assertThat(fixture.runs("1.0.0")).isFalse();

        target.rollback(candidate);

        assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("1.0.0");
        target.retireCandidate(candidate);
        assertThat(fixture.runs("2.0.0")).isFalse();
    }

    @Test
    void shouldRefuseToStopThePreviousVersionWhileItTakesTraffic() {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        DockerTarget target = fixture.target(image, Map.of());
        DeploymentContext candidate = fixture.context("r-2", "2.0.0");
        target.deployCandidate(candidate);
        DockerFixture.awaitHealthy(target, candidate);
        target.setWeight(candidate, new Percentage(50));

        assertThatThrownBy(() -> target.scaleDownPrevious(candidate))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("it still takes traffic");
        assertThat(fixture.runs("1.0.0")).isTrue();
    }

    @Test
    void shouldRefuseAProxyPortAnotherApplicationsProxyHolds() {
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, "1.0.0", Map.of());
        try (DockerFixture other = new DockerFixture("production")) {
            Map<String, String> samePort = new java.util.HashMap<>(other.settings(image, Map.of()));
            samePort.put(DockerSettings.PROXY_PORT, Integer.toString(fixture.proxyPort));
            DockerTarget target = other.targets.open(other.key, other.targets.spec(samePort));

            assertThatThrownBy(() -> target.deployCandidate(other.context("r-1", "1.0.0")))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("port " + fixture.proxyPort + " on 127.0.0.1 is taken by another process")
                    .hasMessageContaining("choose another proxyPort");
            assertThat(other.containers("1.0.0")).isEmpty();
        }
        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("1.0.0");
    }

    @Test
    void shouldSayWhenAMissingImageCannotBePulled() {
        // Nothing listens on port 9 of 127.0.0.1: the engine's pull fails at once, as for an unreachable registry.
        DockerTarget target = fixture.target("127.0.0.1:9/genesis-sample:missing", Map.of());

        assertThatThrownBy(() -> target.deployCandidate(fixture.context("r-1", "1.0.0")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cannot pull image 127.0.0.1:9/genesis-sample:missing from registry 127.0.0.1:9")
                .hasMessageContaining("the Docker engine answered")
                .hasMessageContaining("no credentials for 127.0.0.1:9 were sent")
                .hasMessageContaining("pull or build it on the host first");
        assertThat(fixture.containers("1.0.0")).isEmpty();
    }
}
