package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JUnitReportReaderTest extends ReportReaderContract<TestReading> {

    private List<TestSelector> selectors = List.of();

    @Override
    ReportReader<TestReading> reader(ReadLimits limits) {
        return new JUnitReportReader(selectors, limits);
    }

    @Override
    String validReport() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.ATest" tests="3" failures="1" errors="0" skipped="1">
                  <properties><property name="java.version" value="17"/></properties>
                  <testcase name="passes" classname="com.example.ATest" time="0.01"/>
                  <testcase name="fails" classname="com.example.ATest"><failure message="boom">trace</failure></testcase>
                  <testcase name="skips" classname="com.example.ATest"><skipped/></testcase>
                  <system-out><![CDATA[log]]></system-out>
                </testsuite>
                """;
    }

    @Override
    String rootElement() {
        return "testsuite";
    }

    @Override
    void assertValidReading(TestReading reading) {
        assertThat(reading.counts()).isEqualTo(TestCounts.of(1, 1, 0, 1, 0));
    }

    @Test
    void shouldCountAFlakyTestAsPassedAndFlaky() throws ReportException {
        TestReading reading = read("""
                <testsuite name="S" tests="1" failures="0" errors="0" skipped="0">
                  <testcase name="flaky" classname="S">
                    <flakyFailure message="timeout"><stackTrace>at S</stackTrace></flakyFailure>
                  </testcase>
                  <testcase name="flakyError" classname="S">
                    <flakyError message="npe"><stackTrace>at S</stackTrace></flakyError>
                  </testcase>
                </testsuite>
                """);

        assertThat(reading.counts()).isEqualTo(TestCounts.of(2, 0, 0, 0, 2));
    }

    @Test
    void shouldCountATestThatFailedEveryRerunOnceAsFailed() throws ReportException {
        TestReading reading = read("""
                <testsuite name="S" tests="1" failures="1" errors="1" skipped="0">
                  <testcase name="fails" classname="S">
                    <failure message="x">trace</failure>
                    <rerunFailure message="x"><stackTrace>t</stackTrace></rerunFailure>
                    <rerunFailure message="x"><stackTrace>t</stackTrace></rerunFailure>
                  </testcase>
                  <testcase name="errs" classname="S">
                    <error message="x">trace</error>
                    <rerunError message="x"><stackTrace>t</stackTrace></rerunError>
                  </testcase>
                  <testcase name="passes" classname="S"/>
                </testsuite>
                """);

        // The suite attributes hold the last rerun only (SUREFIRE-1627): they must not be trusted.
        assertThat(reading.counts()).isEqualTo(TestCounts.of(1, 1, 1, 0, 0));
        assertThat(reading.todo()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "'<failure/><error/>', ERROR",
        "'<error/><failure/>', ERROR",
        "'<skipped/><failure/>', FAILED",
        "'<skipped type=\"pytest.xfail\" message=\"known bug\"/>', SKIPPED",
        "'<system-out>x</system-out>', PASSED",
        "'', PASSED"
    })
    void shouldTakeTheWorstOutcomeOfATestcase(String children, TestOutcome expected) throws ReportException {
        TestReading reading =
                read("<testsuite><testcase name=\"t\" classname=\"C\">" + children + "</testcase></testsuite>");

        TestCounts counts = reading.counts();
        assertThat(counts.total()).isEqualTo(1);
        long actual = switch (expected) {
            case PASSED -> counts.passed();
            case FAILED -> counts.failed();
            case ERROR -> counts.errors();
            case SKIPPED -> counts.skipped();
        };
        assertThat(actual).isEqualTo(1);
    }

    @Test
    void shouldAddUpNestedSuitesAndTestcasesOutsideAnySuite() throws ReportException {
        TestReading reading = read("""
                <testsuites name="all">
                  <testcase name="loose" classname="L"/>
                  <testsuite name="outer">
                    <testsuite name="inner"><testcase name="a" classname="I"><failure/></testcase></testsuite>
                    <testcase name="b" classname="O"/>
                  </testsuite>
                  <testsuites><testsuite name="deep"><testcase name="c" classname="D"><error/></testcase></testsuite></testsuites>
                </testsuites>
                """);

        assertThat(reading.counts()).isEqualTo(TestCounts.of(2, 1, 1, 0, 0));
    }

    @Test
    void shouldCountJestTodoEntriesAsSkipped() throws ReportException {
        // jest-junit leaves test.todo out of "tests" but writes it as a childless testcase.
        TestReading reading = read("""
                <testsuites name="jest tests" tests="3" failures="1" errors="0">
                  <testsuite name="Cart" errors="0" failures="1" skipped="1" tests="3">
                    <testcase classname="Cart a" name="Cart a"/>
                    <testcase classname="Cart b" name="Cart b"><failure>x</failure></testcase>
                    <testcase classname="Cart c" name="Cart c"><skipped/></testcase>
                    <testcase classname="Cart todo" name="Cart todo"/>
                  </testsuite>
                </testsuites>
                """);

        assertThat(reading.counts()).isEqualTo(TestCounts.of(1, 1, 0, 2, 0));
        assertThat(reading.todo()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        // declared tests, failures, skipped: only a suite whose other counts agree is reconciled
        "1, 0, 0, 1",
        "1, 1, 0, 0",
        "1, 0, 1, 0",
        "2, 0, 0, 0",
        "5, 0, 0, 0"
    })
    void shouldOnlyReconcileSuitesWhoseOtherCountsAgree(int tests, int failures, int skipped, long todo)
            throws ReportException {
        TestReading reading = read("<testsuite tests=\"" + tests + "\" failures=\"" + failures + "\" skipped=\""
                + skipped + "\"><testcase name=\"a\"/><testcase name=\"b\"/></testsuite>");

        assertThat(reading.todo()).isEqualTo(todo);
        assertThat(reading.counts().total()).isEqualTo(2);
        assertThat(reading.counts().passed()).isEqualTo(2 - todo);
    }

    @Test
    void shouldNotReconcileASuiteThatWasRerun() throws ReportException {
        TestReading reading = read("""
                <testsuite tests="1" failures="0" errors="0" skipped="0">
                  <testcase name="a"/><testcase name="b"/>
                  <testcase name="c"><flakyFailure/></testcase>
                </testsuite>
                """);

        assertThat(reading.counts()).isEqualTo(TestCounts.of(3, 0, 0, 0, 1));
    }

    @ParameterizedTest
    @CsvSource({"tests, -1", "failures, abc", "errors, 1.5", "skipped, ''", "tests, 99999999999999999999"})
    void shouldRejectSuiteCountersThatAreNotCounts(String attribute, String value) {
        ReportException e =
                failure("<testsuite " + attribute + "=\"" + value + "\"><testcase name=\"a\"/></testsuite>");

        assertThat(e.getMessage())
                .contains("attribute " + attribute + "=\"" + value + "\" of <testsuite>")
                .contains("not a non-negative whole number");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void shouldPassOverFailsafesSummaryFile() throws ReportException {
        TestReading reading = read("""
                <failsafe-summary result="null" timeout="false">
                  <completed>1</completed><errors>0</errors><failures>0</failures><skipped>0</skipped>
                </failsafe-summary>
                """);

        assertThat(reading.counts()).isEqualTo(TestCounts.NONE);
        assertThat(reading.notATestReport())
                .hasValueSatisfying(why -> assertThat(why).contains("Failsafe"));
    }

    @Test
    void shouldTallyTheTestsEachSelectorPicks() throws ReportException {
        selectors = List.of(
                TestSelector.of("critical", "*Critical*"),
                TestSelector.of("smoke", "*smoke*"),
                TestSelector.of("none", "*Nothing*"));

        TestReading reading = read("""
                <testsuite>
                  <testcase classname="a.CheckoutCriticalTest" name="pays"/>
                  <testcase classname="a.CheckoutCriticalTest" name="refunds"><failure/></testcase>
                  <testcase classname="a.CheckoutCriticalTest" name="coupons"><error/></testcase>
                  <testcase classname="a.CheckoutCriticalTest" name="later"><skipped/></testcase>
                  <testcase classname="a.Other" name="smoke_login"><flakyFailure/></testcase>
                  <testcase classname="smoke checks" name="smoke checks"/>
                </testsuite>
                """);

        SoftAssertions softly = new SoftAssertions();
        SelectorResult critical = reading.selected().get(0);
        softly.assertThat(critical.outcomes()).isEqualTo(TestCounts.of(1, 1, 1, 1, 0));
        softly.assertThat(critical.notPassed())
                .containsExactly("a.CheckoutCriticalTest.refunds (failed)", "a.CheckoutCriticalTest.coupons (error)");
        softly.assertThat(critical.skipped()).containsExactly("a.CheckoutCriticalTest.later");
        SelectorResult smoke = reading.selected().get(1);
        softly.assertThat(smoke.outcomes()).isEqualTo(TestCounts.of(2, 0, 0, 0, 1));
        softly.assertThat(reading.selected().get(2).outcomes()).isEqualTo(TestCounts.NONE);
        softly.assertAll();
    }

    @Test
    void shouldKeepOnlyAFewExampleNamesHoweverManyTestsFail() throws ReportException {
        selectors = List.of(TestSelector.of("all", "*"));
        String cases = IntStream.range(0, 1000)
                .mapToObj(i -> "<testcase classname=\"C\" name=\"t" + i + "\"><failure/></testcase>")
                .collect(Collectors.joining());

        TestReading reading = read("<testsuite>" + cases + "</testsuite>");

        SelectorResult all = reading.selected().get(0);
        assertThat(all.outcomes().failed()).isEqualTo(1000);
        assertThat(all.notPassed()).hasSize(SelectorResult.MAX_EXAMPLES);
    }
}
