package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("genesis.yaml"), yaml);
    }

    @Test
    void shouldReadThePluginsEnvironmentSchema() throws Exception {
        Path file = write("""
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 80
                    allowedBranches: [main]
                  - name: production
                    minPassRate: 98.5
                    minCoverage: 85
                    approvalRequired: true
                    approvers: [alice, bob]
                    approverGroups: [release-managers]
                    waitTimerMinutes: 5
                    allowedBranches: [main, "release/*"]
                    allowedTags: ["v*"]
                """);

        Environments environments = ConfigFile.load(file);

        assertThat(environments.names()).isEqualTo("staging, production");
        Environment production = environments.named("production");
        assertThat(production.gate().minPassRate()).isEqualTo(new Percentage(98.5));
        assertThat(production.gate().minCoverage()).containsEntry(CoverageMetric.LINE, new Percentage(85));
        assertThat(production.approval().required()).isTrue();
        assertThat(production.approval().approvers()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(production.approval().approverGroups()).containsExactly("release-managers");
        assertThat(production.approval().waitTimer()).isEqualTo(Duration.ofMinutes(5));
        assertThat(production.refs().allows(SourceRef.tag("v1.0.0"))).isTrue();
        Environment staging = environments.named("staging");
        assertThat(staging.approval().required()).isFalse();
        assertThat(staging.approval().waitTimer()).isZero();
        assertThat(staging.refs().tags()).isEmpty();
    }

    static List<PolicyCases.Bad> bad() {
        return PolicyCases.bad();
    }

    @ParameterizedTest
    @MethodSource("bad")
    void shouldRefuseABadValueWithTheEnginesMessageAtItsLine(PolicyCases.Bad bad) throws IOException {
        Path file = write(bad.yaml());

        assertThatThrownBy(() -> ConfigFile.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageEndingWith(": " + bad.message());
    }

    @Test
    void shouldReadTheSharedEnvironmentsToTheSharedPolicy() throws Exception {
        assertThat(ConfigFile.load(write(PolicyCases.ENVIRONMENTS))).isEqualTo(PolicyCases.expected());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // YAML body (\n for new lines) | expected part of the message
                "environments:\\n  - name: qa\\n    minPassrate: 100\\n    minCoverage: 9\\n"
                        + "|, line 3, column 5: environments[0] (qa): unknown key 'minPassrate'",
                "environments:\\n  - name: qa\\n    minPassRate: high\\n    minCoverage: 9\\n"
                        + "|, line 3, column 5: environments[0] (qa): minPassRate cannot be 'high'",
                "environments:\\n  - name: qa\\n    name: qb\\n|not valid YAML",
                "environments: [\\n|not valid YAML",
                "''|defines no environments",
                "environments: 5\\n|: environments has the wrong shape",
                // Range errors name the key's line; a problem inside a mapping points at the key inside it.
                "environments:\\n  - name: qa\\n    minPassRate: 150\\n    minCoverage: 9\\n"
                        + "|, line 3, column 5: environments[0] (qa): minPassRate must be between 0 and 100, got 150",
                "environments:\\n  - name: qa\\n    minPassRate: 95\\n    minCoverage: -1\\n"
                        + "|, line 4, column 5: environments[0] (qa): minCoverage must be between 0 and 100, got -1",
                "environments:\\n  - name: qa\\n    minPassRate: 95\\n    minCoverage: 9\\n    findings:\\n      high: 2\\n"
                        + "      critical: -1\\n|, line 7, column 7: environments[0] (qa): findings.critical must be a whole number",
                "environments:\\n  - name: qa\\n    minPassRate: 95\\n    minCoverage: 9\\n    findings:\\n      high: 2\\n"
                        + "      severe: 1\\n|, line 7, column 7: environments[0] (qa): unknown finding bound 'severe'",
                "environments:\\n  - {name: qa, minPassRate: 95, bogus: 1}\\n"
                        + "|, line 2, column 33: environments[0] (qa): unknown key 'bogus'"
            })
    void shouldSayWhereWhatAndHowToFixABadFile(String yaml, String expected) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> ConfigFile.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void shouldReadTheTargetAnEnvironmentNamesAsTextSettings() throws Exception {
        Path file = write("""
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 80
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    target:
                      kind: kubernetes
                      kubeconfig: ~/.kube/config
                      context: prod
                      namespace: prod
                      promoteTimeoutSeconds: 600
                """);

        ConfigFile.Contents contents = ConfigFile.read(file);

        assertThat(contents.environments().names()).isEqualTo("staging, production");
        assertThat(contents.target("staging")).isEmpty();
        ConfigFile.TargetBlock target = contents.target("production").orElseThrow();
        assertThat(target.kind()).isEqualTo("kubernetes");
        assertThat(target.settings())
                .isEqualTo(java.util.Map.of(
                        "kubeconfig", "~/.kube/config",
                        "context", "prod",
                        "namespace", "prod",
                        "promoteTimeoutSeconds", "600"));
        assertThat(target.where()).isEqualTo(file + ", line 8, column 5: environments[1] (production) target");
        assertThatThrownBy(() -> target.requireKnownKeys(java.util.Set.of("kubeconfig", "context", "namespace")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ", line 13, column 7: environments[1] (production) target: unknown key"
                        + " 'promoteTimeoutSeconds' for kind"
                        + " kubernetes; fix: use one of the known keys: context, kind, kubeconfig, namespace");
        assertThat(PolicyFiles.locate(file, null, dir.resolve("elsewhere"), Map.of(), dir.resolve("home"))
                        .read()
                        .target("production"))
                .contains(target);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "target: kubernetes|environments[0] (qa): target cannot be 'kubernetes'; fix: write a mapping such as"
                        + " '{kind: kubernetes, namespace: prod}'",
                "target: {namespace: prod}|environments[0] (qa) target has no kind (its keys namespace are settings of"
                        + " kind kubernetes); fix: add 'kind: kubernetes'",
                "target: {image: 'shop:1.4.0', proxyPort: 8080}|environments[0] (qa) target has no kind (its keys"
                        + " image, proxyPort are settings of kind docker); fix: add 'kind: docker'",
                "target: {color: blue}|environments[0] (qa) target has no kind; fix: add the kind of target it is:"
                        + " 'kind: docker', 'kind: kubernetes' or 'kind: sandbox'",
                "target: {kind: kubernetes, namespace: [a, b]}|environments[0] (qa) target: namespace must be a single"
                        + " value",
                "target: {kind: kubernetes, namespace: }|environments[0] (qa) target: namespace has no value",
            })
    void shouldSayWhatIsWrongWithATarget(String target, String expected) throws IOException {
        Path file = write("environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n    " + target + "\n");

        assertThatThrownBy(() -> ConfigFile.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void shouldRefuseAMissingOrHugeFile() throws IOException {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml does not exist or is not a file");
        Path huge = Files.writeString(dir.resolve("huge.yaml"), "#".repeat((int) ConfigFile.MAX_BYTES + 1));
        assertThatThrownBy(() -> ConfigFile.load(huge)).hasMessageContaining("is larger than");
    }
}
