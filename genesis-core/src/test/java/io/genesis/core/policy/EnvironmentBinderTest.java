package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentBinderTest {

    @Test
    void shouldReadEveryKeyAndDefaultTheRest() {
        PolicyDocument document = EnvironmentBinder.bind(PolicyCases.tree(PolicyCases.ENVIRONMENTS));

        assertThat(document.environments()).isEqualTo(PolicyCases.expected());
        assertThat(document.targets()).isEmpty();
        assertThat(document.entry("production").orElseThrow().has(PolicyKey.ALLOW_FORCE))
                .isTrue();
        assertThat(document.entry("staging").orElseThrow().has(PolicyKey.ALLOW_FORCE))
                .isFalse();
    }

    static List<PolicyCases.Bad> bad() {
        return PolicyCases.bad();
    }

    @ParameterizedTest
    @MethodSource("bad")
    void shouldRefuseABadValueWithTheSharedMessage(PolicyCases.Bad bad) {
        Object tree = PolicyCases.tree(bad.yaml());

        assertThatThrownBy(() -> EnvironmentBinder.bind(tree))
                .isInstanceOf(PolicyException.class)
                .hasMessage(bad.message());
    }

    @Test
    void shouldSayWhereTheProblemIs() {
        Object tree = PolicyCases.tree("environments:\n  - name: qa\n    minPassRate: 120\n    minCoverage: 9\n");

        assertThatThrownBy(() -> EnvironmentBinder.bind(tree))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].minPassRate"));
    }

    @Test
    void shouldProtectProductionUnlessItSaysOtherwise() {
        Environments environments =
                EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: production
                            minPassRate: 98
                            minCoverage: 85
                          - name: eu-production
                            minPassRate: 98
                            minCoverage: 85
                          - name: lab
                            minPassRate: 98
                            minCoverage: 85
                            protected: true
                        """)).environments();

        assertThat(environments.named("production").protectedEnvironment()).isTrue();
        assertThat(environments.named("eu-production").protectedEnvironment()).isFalse();
        assertThat(environments.named("lab").protectedEnvironment()).isTrue();
        assertThat(environments.named("lab").allowForce()).isTrue();
    }

    @Test
    void shouldWatchProductionFortyEightHoursAndNothingElseUnlessItSaysOtherwise() {
        Environments environments =
                EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: production
                            minPassRate: 98
                            minCoverage: 85
                          - name: staging
                            minPassRate: 95
                            minCoverage: 85
                          - name: eu-production
                            minPassRate: 98
                            minCoverage: 85
                            watchHours: 24
                        """)).environments();

        assertThat(environments.named("production").watchWindow()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(environments.named("staging").watchWindow()).isZero();
        assertThat(environments.named("eu-production").watchWindow()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(EnvironmentBinder.tree(environments.named("eu-production")))
                .containsEntry(PolicyKey.WATCH_HOURS.key(), 24);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "-1, watchHours must not be negative, got -1",
        "721, the post-deploy watch window must be from 0 to 720 hours, got 721 hours",
        "1.5, watchHours"
    })
    void shouldRefuseAWatchWindowOutOfRange(String hours, String message) {
        Object tree = PolicyCases.tree(
                "environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n    watchHours: " + hours
                        + "\n");

        assertThatThrownBy(() -> EnvironmentBinder.bind(tree)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.path()).isEqualTo("environments[0].watchHours");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void shouldGiveEveryEnvironmentKubernetesOwnProgressDeadlineUnlessItSaysOtherwise() {
        Environments environments =
                EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: staging
                            minPassRate: 95
                            minCoverage: 85
                          - name: production
                            minPassRate: 98
                            minCoverage: 85
                            healthDeadlineMinutes: 25
                        """)).environments();

        assertThat(environments.named("staging").healthDeadline()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(environments.named("production").healthDeadline()).isEqualTo(java.time.Duration.ofMinutes(25));
        assertThat(EnvironmentBinder.tree(environments.named("production")))
                .containsEntry(PolicyKey.HEALTH_DEADLINE_MINUTES.key(), 25);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1, 1", "10, 10", "60, 60"})
    void shouldAcceptAHealthDeadlineWithinItsRange(int minutes, int expected) {
        Object tree = PolicyCases.tree("environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n"
                + "    healthDeadlineMinutes: " + minutes + "\n");

        assertThat(EnvironmentBinder.bind(tree).environments().named("qa").healthDeadline())
                .isEqualTo(java.time.Duration.ofMinutes(expected));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "-1, healthDeadlineMinutes must not be negative, got -1",
        "0, must be whole minutes from 1 to 60, got 0 minutes",
        "61, must be whole minutes from 1 to 60, got 61 minutes"
    })
    void shouldRefuseAHealthDeadlineOutOfRange(String minutes, String message) {
        Object tree = PolicyCases.tree("environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n"
                + "    healthDeadlineMinutes: " + minutes + "\n");

        assertThatThrownBy(() -> EnvironmentBinder.bind(tree)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.path()).isEqualTo("environments[0].healthDeadlineMinutes");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void shouldKeepATargetAsWritten() {
        PolicyDocument document = EnvironmentBinder.bind(
                PolicyCases.tree("environments:\n  - name: qa\n    minPassRate: 99\n    minCoverage: 9\n"
                        + "    target: {kind: kubernetes, namespace: qa}\n"));

        assertThat(document.targets()).containsEntry("qa", Map.of("kind", "kubernetes", "namespace", "qa"));
    }

    @Test
    void shouldWriteTheTreeItReads() {
        for (Environment environment : PolicyCases.expected().all()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put(EnvironmentBinder.ENVIRONMENTS, List.of(EnvironmentBinder.tree(environment)));

            assertThat(EnvironmentBinder.bind(document).environments().all()).containsExactly(environment);
        }
    }

    @Test
    void shouldRefuseWhatIsNoDocument() {
        assertThatThrownBy(() -> EnvironmentBinder.bind(List.of()))
                .hasMessage("the document has the wrong shape; fix: write a mapping with an 'environments:' list");
        assertThatThrownBy(() -> EnvironmentBinder.bind(Map.of("environment", List.of())))
                .hasMessage("unknown key 'environment' at the top of the document; fix: put environments under"
                        + " 'environments:'");
        assertThatThrownBy(() -> EnvironmentBinder.bind(null)).hasMessageStartingWith("the document defines no");
        assertThatThrownBy(() -> EnvironmentBinder.bind(PolicyCases.tree("environments:\n  -\n")))
                .hasMessage("environments[0] is empty; fix: give it at least name, minPassRate and minCoverage");
    }

    @Test
    void shouldReadThePromotionPathAndDefaultToProductionAfterStaging() {
        PolicyDocument document = EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                  - name: eu-production
                    minPassRate: 98
                    minCoverage: 85
                    requiresPassed: [staging, production]
                    minSoakMinutes: 90
                """));

        assertThat(document.environments().named("staging").promotion()).isEqualTo(PromotionPath.NONE);
        assertThat(document.environments().named("production").promotion())
                .isEqualTo(new PromotionPath(List.of("staging"), java.time.Duration.ZERO));
        assertThat(document.environments().named("eu-production").promotion())
                .isEqualTo(new PromotionPath(List.of("staging", "production"), java.time.Duration.ofMinutes(90)));
        assertThat(EnvironmentBinder.tree(document.environments().named("eu-production")))
                .containsEntry("requiresPassed", List.of("staging", "production"))
                .containsEntry("minSoakMinutes", 90);
    }

    @Test
    void shouldReadTheGateAndWatchRequirementsOfThePromotionPath() {
        PolicyDocument document = EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    requiresGate: true
                    requiresHealthyWatch: true
                """));

        Environment production = document.environments().named("production");
        assertThat(production.promotion())
                .isEqualTo(new PromotionPath(List.of("staging"), java.time.Duration.ZERO, true, true));
        assertThat(EnvironmentBinder.tree(production))
                .containsEntry("requiresGate", true)
                .containsEntry("requiresHealthyWatch", true);
        assertThat(EnvironmentBinder.bind(PolicyCases.tree("""
                                environments:
                                  - name: staging
                                    minPassRate: 95
                                    minCoverage: 85
                                """))
                        .environments()
                        .named("staging")
                        .promotion())
                .extracting(PromotionPath::requiresGate, PromotionPath::requiresHealthyWatch)
                .containsExactly(false, false);
    }
}
