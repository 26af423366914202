package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code findings:} key of the one policy schema, and what a checkout may do with it. */
class FindingsPolicyTest {

    private static Environment bind(String yaml) {
        return EnvironmentBinder.bind(PolicyCases.tree(yaml))
                .environments()
                .all()
                .get(0);
    }

    @Test
    void shouldReadBoundsAndDefaultByName() {
        Environment set = bind("environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 0\n"
                + "    findings: {high: 2, secrets: 0}\n");
        Environment production =
                bind("environments:\n  - name: production\n    minPassRate: 98\n    minCoverage: 85\n");
        Environment other = bind("environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 0\n");

        assertThat(set.gate().findings().describe()).isEqualTo("2 high, 0 secrets");
        assertThat(production.gate().findings()).isEqualTo(FindingBounds.PRODUCTION);
        assertThat(other.gate().findings()).isEqualTo(FindingBounds.NONE);
        assertThat(EnvironmentBinder.tree(set)).containsEntry("findings", java.util.Map.of("high", 2L, "secrets", 0L));
    }

    @Test
    void shouldRefuseABadBoundNamingWhereAndTheFix() {
        assertThatThrownBy(() -> bind("environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 0\n"
                        + "    findings: {high: 1.5}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("findings.high must be a whole number of findings (0 or more), got '1.5'");
        assertThatThrownBy(() -> bind("environments:\n  - name: qa\n    minPassRate: 90\n    minCoverage: 0\n"
                        + "    findings: {severe: 1}\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unknown finding bound 'severe'");
    }

    @Test
    void shouldLetACheckoutLowerButNeverRaiseABound() {
        Environments trusted = Environments.defaults();
        Object lower = PolicyCases.tree("environments:\n  - name: production\n    findings: {medium: 3}\n");
        Object higher = PolicyCases.tree("environments:\n  - name: production\n    findings: {high: 5}\n");

        PolicyDocument tightened = CheckoutPolicy.tighten(trusted, "the trusted policy", lower);

        assertThat(tightened
                        .environments()
                        .named("production")
                        .gate()
                        .findings()
                        .describe())
                .isEqualTo("0 critical, 0 high, 3 medium, 0 secrets");
        assertThatThrownBy(() -> CheckoutPolicy.tighten(trusted, "the trusted policy", higher))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("at most 5 high findings is more than the trusted policy allows (0)");
    }
}
