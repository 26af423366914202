package io.genesis.core.gate;

import static io.genesis.core.gate.GateFixtures.criterion;
import static io.genesis.core.gate.GateFixtures.onFixtureReports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingsCriteriaTest {

    @Test
    void shouldFailProductionOnAHighFindingAndSayWhereItIs() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("production")
                .findingsReports("findings/bandit/bandit.json")
                .build());

        Criterion high = criterion(verdict, "findings.high");
        assertThat(high.status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(high.kind()).isEqualTo(CriterionKind.FINDINGS);
        assertThat(high.message())
                .isEqualTo("high findings 1 > 0 allowed for production (first: shop/orders.py:18 (Bandit B602));"
                        + " counted 0 critical, 1 high, 4 medium, 2 low, 0 secrets in 1 findings report");
        assertThat(criterion(verdict, "findings.critical").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(verdict, "findings.secrets").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(verdict.notes()).anySatisfy(note -> assertThat(note).startsWith("findings by rule: Bandit B"));
    }

    @Test
    void shouldFailStagingOnSecretsOnlyAndNeverPrintThem() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .findingsReports("findings/published/gitleaks.json", "findings/bandit/bandit.json")
                .build());

        assertThat(verdict.criteria().stream().filter(c -> c.kind() == CriterionKind.FINDINGS))
                .extracting(Criterion::name)
                .containsExactly("findings.secrets");
        assertThat(criterion(verdict, "findings.secrets").message())
                .startsWith(
                        "secrets 2 > 0 allowed for staging (first: config/settings.py:3 (gitleaks aws-access-token))");
        assertThat(String.join("\n", verdict.lines()) + verdict.summary().toJson())
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void shouldCountOnlyNewFindingsWhenAskedAndListSuppressedOnes() throws Exception {
        GateVerdict all = Gate.evaluate(onFixtureReports("production")
                .findingsReports("findings/published/semgrep-style.sarif")
                .build());
        GateVerdict fresh = Gate.evaluate(onFixtureReports("production")
                .findingsReports("findings/published/semgrep-style.sarif")
                .newFindingsOnly(true)
                .build());

        assertThat(criterion(all, "findings.high").measured()).hasValue(3);
        assertThat(criterion(fresh, "findings.high").measured()).hasValue(1);
        assertThat(fresh.notes())
                .contains("3 findings were left out: the tool marked them as already in its baseline, or gone")
                .anySatisfy(note ->
                        assertThat(note).startsWith("1 suppressed finding was listed, not counted: app/legacy.py:7"));
    }

    @ParameterizedTest(name = "at most {0} {1}")
    @CsvSource({"0, medium, FAILED", "4, medium, PASSED", "3, medium, FAILED", "2, low, PASSED", "1, low, FAILED"})
    void shouldLetARequestAddOrTightenBounds(long max, String severity, CriterionStatus expected) throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .findingsReports("findings/bandit/bandit.json")
                .maxFindings(severity, max)
                .build());

        assertThat(criterion(verdict, "findings." + severity).status()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseARequestThatLoosensABound() {
        assertThatThrownBy(() -> Gate.evaluate(onFixtureReports("production")
                        .findingsReports("findings/bandit/bandit.json")
                        .maxFindings("high", 3)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 3 high findings is more than production allows (0); a pipeline may only"
                        + " tighten finding bounds: remove the setting or ask for 0 or fewer");
    }

    @Test
    void shouldFailOnAnUnreadableFindingsReportNeverPass() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .findingsReports("findings/absent/*.sarif")
                .build());

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.hasInputProblems()).isTrue();
        Criterion secrets = criterion(verdict, "findings.secrets");
        assertThat(secrets.status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(secrets.message())
                .isEqualTo("secrets: no findings report could be read, but staging allows at most 0; what was not"
                        + " scanned proves nothing: fix the findings reports named above");
    }

    @Test
    void shouldFailEveryBoundWhenNoFindingsReportCouldBeRead() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("production")
                .findingsReports("reports/jacoco/jacoco.xml")
                .build());

        assertThat(verdict.criteria().stream().filter(c -> c.kind() == CriterionKind.FINDINGS))
                .extracting(Criterion::name, Criterion::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("findings.critical", CriterionStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("findings.high", CriterionStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("findings.secrets", CriterionStatus.FAILED));
    }

    @Test
    void shouldSayWhichBoundsWentUncheckedWhenNoFindingsReportsWereGiven() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("production").build());

        assertThat(verdict.criteria()).noneMatch(c -> c.kind() == CriterionKind.FINDINGS);
        assertThat(verdict.notes())
                .contains("security findings not checked: production allows at most 0 critical, 0 high, 0 secrets,"
                        + " but no findings reports were given");
    }
}
