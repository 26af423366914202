package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Configuration as Code example of docs/configuration.md is the text of the plugin's
 * round-trip test, and the engine's binder reads it to the environments it describes.
 */
class ConfigurationDocTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve("docs/configuration.md");
    private static final Path CASC = ROOT.resolve(
            "genesis-plugin/src/test/resources/io/jenkins/plugins/genesis/config/configuration-as-code.yaml");

    static String example() throws IOException {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("### Configuration as Code");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void shouldShowTheTextOfThePluginsRoundTripTest() throws IOException {
        assertThat(example()).isEqualTo(Files.readString(CASC));
    }

    @Test
    void shouldBindTheExampleThroughTheEngine() throws IOException {
        Map<?, ?> casc = (Map<?, ?>) PolicyCases.tree(example());
        Object genesis = ((Map<?, ?>) casc.get("unclassified")).get("genesis");

        Environments environments = EnvironmentBinder.bind(genesis).environments();

        Environment canary = environments.named("eu-canary");
        assertThat(canary.gate())
                .isEqualTo(GateThresholds.of(99.5, 80)
                        .withCriticality(CriterionKind.COVERAGE, Criticality.UNSTABLE)
                        .withCriticality(CriterionKind.FINDINGS, Criticality.FAILURE)
                        .withFindings(FindingBounds.NONE
                                .with("critical", 0)
                                .with("high", 2)
                                .with("secrets", 0)));
        assertThat(canary.approval())
                .isEqualTo(new ApprovalPolicy(
                        true,
                        Set.of("alice", "bob"),
                        Set.of("release-managers"),
                        Duration.ofMinutes(10),
                        ApprovalPolicy.DEFAULT_TIMEOUT,
                        false));
        assertThat(canary.refs()).isEqualTo(new RefPolicy(List.of("main"), List.of("v*")));
        assertThat(canary.healthDeadline()).isEqualTo(Duration.ofMinutes(20));
        assertThat(canary.watchWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(canary.promotion()).isEqualTo(new PromotionPath(List.of("qa"), Duration.ofMinutes(30)));
        Environment qa = environments.named("qa");
        assertThat(qa.allowForce()).isFalse();
        assertThat(qa.refs().branches()).containsExactly("main", "feature/**");
        assertThat(environments.names()).isEqualTo("eu-canary, qa");
    }
}
