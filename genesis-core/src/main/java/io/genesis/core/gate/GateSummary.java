package io.genesis.core.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.gate.findings.FindingsReading;
import io.genesis.core.gate.findings.Severity;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GateVerdict} as plain data: strings, numbers, lists and maps only, so that it is written
 * as JSON by the command line, stored as a JSON string by the Jenkins plugin, and read back.
 * Percentages are numbers from 0 to 100; {@code null} means "not measured".
 *
 * @param verdict PASSED, UNSTABLE, FAILED or OVERRIDDEN
 * @param decided the verdict before any override
 * @param environment the environment's name
 * @param tests the test counts
 * @param passRate passed ÷ (passed + failed + errors), or {@code null} when no test ran
 * @param coverage per metric label ({@code line}, {@code branch}, ...), the counters and percentage
 * @param criteria every criterion checked
 * @param notes remarks that do not change the verdict
 * @param overrideReason why the gate was forced through, or {@code null}
 * @param reports how many report files were read
 * @param lines what a console shows: {@link GateVerdict#lines()}, the one wording of a verdict
 * @param overriddenBy who forced the gate through, or {@code null}
 * @param consequence the worst effect among the criteria that are not met (NOTE, UNSTABLE, FAILURE or
 *     ERROR), or {@code null} when all are met
 * @param findings security findings counted, or {@code null} when no findings reports were read
 */
public record GateSummary(
        String verdict,
        String decided,
        String environment,
        Tests tests,
        Double passRate,
        Map<String, Coverage> coverage,
        List<CriterionEntry> criteria,
        List<String> notes,
        String overrideReason,
        Reports reports,
        List<String> lines,
        String overriddenBy,
        String consequence,
        Findings findings) {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public GateSummary {
        coverage = coverage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        notes = notes == null ? List.of() : List.copyOf(notes);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    static GateSummary of(GateVerdict verdict) {
        TestCounts counts = verdict.tests();
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        verdict.coverage()
                .counters()
                .forEach((metric, counter) -> coverage.put(
                        metric.label(),
                        new Coverage(
                                counter.covered(),
                                counter.missed(),
                                counter.percentage().map(p -> p.value()).orElse(null))));
        return new GateSummary(
                verdict.verdict().name(),
                verdict.decided().name(),
                verdict.environment(),
                new Tests(
                        counts.total(),
                        counts.passed(),
                        counts.failed(),
                        counts.errors(),
                        counts.skipped(),
                        counts.flaky()),
                verdict.passRate().map(p -> p.value()).orElse(null),
                coverage,
                verdict.criteria().stream()
                        .map(c -> new CriterionEntry(
                                c.name(),
                                c.kind().key(),
                                c.criticality().name(),
                                c.status().name(),
                                c.passed(),
                                c.measured().isPresent() ? c.measured().getAsDouble() : null,
                                c.threshold().isPresent() ? c.threshold().getAsDouble() : null,
                                c.message()))
                        .toList(),
                verdict.notes(),
                verdict.overrideReason().orElse(null),
                new Reports(verdict.readings().testFiles(), verdict.readings().coverageFiles()),
                verdict.lines(),
                verdict.overriddenBy().orElse(null),
                verdict.consequence().map(Criticality::name).orElse(null),
                Findings.of(verdict.readings()));
    }

    /** This summary as one JSON object on one line. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a gate summary could not be written as JSON", e);
        }
    }

    /** Reads a summary written by {@link #toJson()}; fields added later are ignored. */
    public static GateSummary fromJson(String json) {
        try {
            return JSON.readValue(json, GateSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a gate summary: " + e.getOriginalMessage()
                            + "; it should be the JSON GateSummary.toJson wrote",
                    e);
        }
    }

    /** Test counts; see {@link TestCounts}. */
    public record Tests(long total, long passed, long failed, long errors, long skipped, long flaky) {}

    /** One coverage metric: counters, and the covered percentage or {@code null} when there was nothing to cover. */
    public record Coverage(long covered, long missed, Double percent) {}

    /**
     * One criterion; see {@link Criterion}. {@code kind} is the configuration key ({@code passRate}),
     * {@code criticality} the enum name ({@code ERROR}); both are {@code null} in summaries stored
     * before criticalities existed.
     */
    public record CriterionEntry(
            String name,
            String kind,
            String criticality,
            String status,
            boolean passed,
            Double measured,
            Double threshold,
            String message) {}

    /** How many report files were read. */
    public record Reports(int tests, int coverage) {}

    /**
     * Security findings counted, by severity, with secrets apart; suppressed and not-new findings
     * were not counted.
     */
    public record Findings(
            int reports,
            long critical,
            long high,
            long medium,
            long low,
            long secrets,
            long suppressed,
            long notNew,
            Map<String, Long> byRule) {

        static Findings of(Readings readings) {
            if (readings.findingsFiles() == 0) {
                return null;
            }
            FindingsReading found = readings.findings();
            return new Findings(
                    readings.findingsFiles(),
                    found.count(Severity.CRITICAL),
                    found.count(Severity.HIGH),
                    found.count(Severity.MEDIUM),
                    found.count(Severity.LOW),
                    found.secrets(),
                    found.suppressed(),
                    found.notNew(),
                    found.byRule());
        }
    }
}
