package io.genesis.core.monitor.tests;

import io.genesis.core.gate.JUnitReportReader;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.ReportFinder;
import io.genesis.core.gate.TestReading;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The post-deploy test pass rate: the newest JUnit XML report matching the settings' pattern, read
 * by the gate's own reader within bounds. Only a report written since the previous sample (the
 * window's start) counts, so an old run's result is never taken for the deployed version's; no such
 * report, or one without an executed test, is no data, which the watch never takes as healthy. With
 * a {@code command}, the source runs it itself ({@link SmokeRuns}) and reads what each run wrote.
 */
public final class TestReportSource implements MetricSource {

    private final TestReportSettings settings;
    private final JUnitReportReader reader;
    private final SmokeRuns runs;

    public TestReportSource(TestReportSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new JUnitReportReader(List.of(), settings.limits());
        this.runs = settings.command().isPresent() ? new SmokeRuns(settings) : null;
    }

    @Override
    public String describe() {
        return "tests " + settings.reports().pattern() + " under " + settings.directory()
                + (runs == null ? "" : " (written by the command the watch runs)");
    }

    @Override
    public Set<Metric> metrics() {
        return Set.of(Metric.TEST_PASS_RATE);
    }

    /**
     * @throws IllegalStateException when the newest report cannot be read (too large, not XML, torn
     *     while being written), naming it: the sample fails, as a source that cannot answer does
     */
    @Override
    public MetricReadings sample(MetricWindow window) {
        ReportFinder finder = new ReportFinder(settings.directory());
        OptionalDouble rate = runs != null
                ? runs.sample(window.to(), window.length(), written -> read(finder, newest(written, Instant.MIN)))
                : read(finder, newest(finder.find(settings.reports()).files(), window.from()));
        return rate.isPresent()
                ? new MetricReadings(window, Map.of(Metric.TEST_PASS_RATE, rate.getAsDouble()))
                : MetricReadings.none(window);
    }

    /** The command's runs, if the settings name a command. */
    Optional<SmokeRuns> runs() {
        return Optional.ofNullable(runs);
    }

    /** Stops the command's run under way, if any (the watch has ended). */
    public void stopCommand() {
        if (runs != null) {
            runs.stop();
        }
    }

    /** The pass rate of {@code newest}; empty without a report or an executed test. */
    private OptionalDouble read(ReportFinder finder, Optional<Path> newest) {
        if (newest.isEmpty()) {
            return OptionalDouble.empty();
        }
        Path file = newest.get();
        String source = finder.display(file);
        TestReading reading;
        try (InputStream input = Files.newInputStream(file)) {
            reading = reader.read(input, source);
        } catch (IOException e) {
            throw new IllegalStateException("tests: " + source + " could not be read: " + e.getMessage(), e);
        } catch (ReportException e) {
            throw new IllegalStateException("tests: " + e.getMessage(), e);
        }
        if (reading.notATestReport().isPresent()) {
            return OptionalDouble.empty();
        }
        return reading.counts()
                .passRate()
                .map(rate -> OptionalDouble.of(rate.value()))
                .orElseGet(OptionalDouble::empty);
    }

    /** The report modified last, if any was modified at or after {@code since}; ties go to the last path. */
    private static Optional<Path> newest(List<Path> files, Instant since) {
        return files.stream()
                .map(file -> Map.entry(file, modified(file)))
                .filter(entry -> !entry.getValue().isBefore(since))
                .max(Map.Entry.<Path, Instant>comparingByValue()
                        .thenComparing(entry -> entry.getKey().toString()))
                .map(Map.Entry::getKey);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("tests: " + file + " could not be read: " + e.getMessage(), e);
        }
    }
}
