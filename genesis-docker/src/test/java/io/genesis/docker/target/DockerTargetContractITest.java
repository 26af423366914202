package io.genesis.docker.target;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.DeploymentTargetContract;
import io.genesis.core.target.Health;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared target contract on the real engine: stable 1.0.0 serves through HAProxy, the candidate
 * 2.0.0 is the same sample image told another version. Traffic is measured with 100 requests through
 * the proxy, counted by the version that answered; what runs is read from the engine.
 */
class DockerTargetContractITest extends DeploymentTargetContract {

    private DockerFixture fixture;
    private DockerTarget target;
    private DeploymentContext candidate;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
        String image = SampleImages.base(fixture.client());
        fixture.serve(image, stableVersion(), Map.of());
        target = fixture.target(image, Map.of());
        candidate = fixture.context("r-2", "2.0.0");
    }

    @AfterEach
    void stop() {
        fixture.close();
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
        return candidate;
    }

    @Override
    protected void settle() {
        if (!target.candidatesOf(candidate).isEmpty()) {
            Health health = DockerFixture.awaitSettled(target, candidate);
            if (health.state() == Health.State.PROGRESSING) {
                throw new AssertionError("candidate still starting after 60 s: " + health);
            }
        }
    }

    @Override
    protected double trafficTo(String version) {
        return Traffic.share(fixture.proxyPort, version, 100);
    }

    @Override
    protected boolean runs(String version) {
        return fixture.runs(version);
    }
}
