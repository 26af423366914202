package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckoutPolicyTest {

    private static final String DEFAULTS = "the built-in defaults";

    private static PolicyDocument tighten(String yaml) {
        return CheckoutPolicy.tighten(Environments.defaults(), DEFAULTS, PolicyCases.tree(yaml));
    }

    @Test
    void shouldRefuseALowerBarNamingTheKeyBothValuesAndTheFix() {
        assertThatThrownBy(() -> tighten("environments:\n  - name: production\n    minPassRate: 90\n"))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].minPassRate"))
                .hasMessage("environments[0] (production): minPassRate 90.00 % would loosen production's 98.00 % from"
                        + " the built-in defaults, and a checkout's policy may only tighten it; fix: remove"
                        + " minPassRate from this file or make it stricter, or change the built-in defaults");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "staging|allowedTags: [\"v*\"]|allowedTags [v*] would loosen staging's none",
                "staging|minCoverage: 80|minCoverage 80.00 % would loosen staging's 85.00 %",
                "production|allowedBranches: [main, \"feature/*\"]|allowedBranches [feature/*] would loosen",
                "production|approvers: [mallory]|approvers [mallory] would loosen production's administrators only",
                "production|waitTimerMinutes: 1|waitTimerMinutes 1 would loosen production's 5",
                "production|watchHours: 24|watchHours 24 would loosen production's 48",
                "production|healthDeadlineMinutes: 30|healthDeadlineMinutes 30 would loosen production's 10",
                "production|target: {kind: kubernetes}|production is protected",
                "production|metrics: {kind: probe, url: \"http://attacker.example/\"}|may not name where it is measured",
                "production|metrics: {kind: tests, reports: \"smoke/*.xml\", command: \"./steal.sh\"}|smoke-test commands",
                "staging|criticality: {passRate: unstable}|criticality passRate: unstable would loosen staging's error",
                "production|history: file|may not name where its deployment records are kept"
            })
    void shouldRefuseWhatLoosensTheTrustedPolicy(String environment, String line, String expected) {
        String yaml = "environments:\n  - name: " + environment + "\n    " + line + "\n";

        assertThatThrownBy(() -> tighten(yaml))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldApplyWhatTightens() {
        PolicyDocument document = tighten("""
                environments:
                  - name: production
                    minPassRate: 99
                    allowedTags: []
                    allowForce: false
                    preventSelfApproval: true
                    watchHours: 72
                    healthDeadlineMinutes: 5
                  - name: staging
                    target: {kind: sandbox}
                """);

        Environment production = document.environments().named("production");
        assertThat(production.gate().minPassRate()).isEqualTo(new Percentage(99));
        assertThat(production.refs().tags()).isEmpty();
        assertThat(production.allowForce()).isFalse();
        assertThat(production.approval().preventSelfApproval()).isTrue();
        assertThat(production.watchWindow()).isEqualTo(java.time.Duration.ofHours(72));
        assertThat(production.healthDeadline()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(production.approval().waitTimer())
                .isEqualTo(
                        Environments.defaults().named("production").approval().waitTimer());
        assertThat(document.targets()).containsOnlyKeys("staging");
        assertThat(document.environments().named("staging").gate())
                .isEqualTo(Environments.defaults().named("staging").gate());
    }

    @Test
    void shouldLetAStricterCriticalityThroughAndReadANewEnvironmentAsItIs() {
        Environments trusted = Environments.defaults()
                .with(Environments.defaults()
                        .named("staging")
                        .withGate(Environments.defaults()
                                .named("staging")
                                .gate()
                                .withCriticality(CriterionKind.COVERAGE, Criticality.NOTE)));

        PolicyDocument document = CheckoutPolicy.tighten(
                trusted,
                DEFAULTS,
                PolicyCases.tree("environments:\n  - name: staging\n    criticality: {coverage: unstable}\n"
                        + "  - name: lab\n    minPassRate: 10\n    minCoverage: 0\n"));

        assertThat(document.environments().named("staging").gate().criticalityOf(CriterionKind.COVERAGE))
                .isEqualTo(Criticality.UNSTABLE);
        assertThat(document.environments().named("lab").gate().minPassRate()).isEqualTo(new Percentage(10));
    }

    @Test
    void shouldGiveANewProtectedEnvironmentNoTarget() {
        assertThatThrownBy(() -> tighten("environments:\n  - name: vault\n    minPassRate: 99\n    minCoverage: 90\n"
                        + "    protected: true\n    target: {kind: kubernetes, tokenEnv: CI_TOKEN}\n"))
                .hasMessageStartingWith("environments[0] (vault): vault is protected");
    }

    @Test
    void shouldLetACheckoutLengthenThePromotionPathButNotShortenIt() {
        Environment production = tighten("environments:\n  - name: production\n    requiresPassed: [staging, qa]\n"
                        + "    minSoakMinutes: 30\n")
                .environments()
                .named("production");

        assertThat(production.promotion())
                .isEqualTo(new PromotionPath(java.util.List.of("staging", "qa"), java.time.Duration.ofMinutes(30)));
        assertThatThrownBy(() -> tighten("environments:\n  - name: production\n    requiresPassed: []\n"))
                .hasMessageStartingWith("environments[0] (production): requiresPassed [] would loosen production's"
                        + " [staging] from the built-in defaults");
    }

    @Test
    void shouldLetACheckoutRequireAGateButNotDropTheRequirement() {
        assertThat(tighten("environments:\n  - name: production\n    requiresGate: true\n")
                        .environments()
                        .named("production")
                        .promotion()
                        .requiresGate())
                .isTrue();
        Environment production = Environments.defaults().named("production");
        Environments trusted = Environments.defaults()
                .with(production.withPromotion(new PromotionPath(
                        production.promotion().requiresPassed(), java.time.Duration.ZERO, true, true)));
        assertThatThrownBy(() -> CheckoutPolicy.tighten(
                        trusted,
                        DEFAULTS,
                        PolicyCases.tree("environments:\n  - name: production\n    requiresGate: false\n")))
                .hasMessageStartingWith("environments[0] (production): requiresGate false would loosen production's"
                        + " true from the built-in defaults");
        assertThatThrownBy(() -> CheckoutPolicy.tighten(
                        trusted,
                        DEFAULTS,
                        PolicyCases.tree("environments:\n  - name: production\n    requiresHealthyWatch: false\n")))
                .hasMessageStartingWith("environments[0] (production): requiresHealthyWatch false would loosen");
    }
}
