package io.genesis.core.monitor.tests;

import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportGlob;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.time.Durations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a post-deploy watch finds the smoke-test reports of the version it watches (kind
 * {@value #KIND}): JUnit XML files matching {@code reports} under {@code directory}, written by a job
 * that tests the deployed version on a schedule, or by {@code command}, which the source itself runs
 * at most every {@code every}, bounded by {@code timeout}. Holds no secret.
 *
 * @param directory the directory the pattern is relative to; a relative one is resolved against the
 *     working directory of the process that samples
 * @param reports the pattern, such as {@code smoke/*.xml}, relative to {@code directory}
 * @param maxBytes the largest report read; a larger one is refused, not read in part
 * @param command the smoke-test command run through {@code sh -c} in {@code directory}, as hook
 *     commands run; empty when an outside scheduler writes the reports
 * @param every how often the command is started; empty: at every sample
 * @param timeout how long a run may take before it is stopped, with everything it started
 */
public record TestReportSettings(
        Path directory,
        ReportGlob reports,
        long maxBytes,
        Optional<String> command,
        Optional<Duration> every,
        Duration timeout) {

    /** The metric source kind of smoke-test reports. */
    public static final String KIND = "tests";

    /** Smoke-test reports are small; a report this large is not one. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** A smoke run that takes longer than this is stuck, unless the settings allow more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final Set<String> KNOWN = Set.of("directory", "reports", "maxBytes", "command", "every", "timeout");

    public TestReportSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reports, "reports");
        if (maxBytes < 1 || maxBytes > ReadLimits.DEFAULT.maxFileBytes()) {
            throw new IllegalArgumentException("tests setting 'maxBytes' must be from 1 to "
                    + ReadLimits.DEFAULT.maxFileBytes() + ", got " + maxBytes);
        }
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isPresent() && command.get().isBlank()) {
            throw new IllegalArgumentException("tests setting 'command' is blank; fix: give the smoke-test command,"
                    + " or leave the setting out when a scheduled job writes the reports");
        }
        if (every.isPresent() && (every.get().isNegative() || every.get().isZero())) {
            throw new IllegalArgumentException(
                    "tests setting 'every' must be longer than zero, got " + Durations.format(every.get()));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "tests setting 'timeout' must be longer than zero, got " + Durations.format(timeout));
        }
        if (every.isPresent() && timeout.compareTo(every.get()) > 0) {
            throw new IllegalArgumentException("tests setting 'timeout' (" + Durations.format(timeout)
                    + ") must not be longer than 'every' (" + Durations.format(every.get())
                    + "); fix: shorten the timeout or run the command less often");
        }
        if (command.isEmpty() && (every.isPresent() || !timeout.equals(DEFAULT_TIMEOUT))) {
            throw new IllegalArgumentException("tests settings 'every' and 'timeout' bound a 'command';"
                    + " fix: give the command, or leave them out when a scheduled job writes the reports");
        }
    }

    /** The settings a stored spec names; unknown or malformed settings fail naming the setting. */
    public static TestReportSettings from(MetricSpec spec) {
        MetricSettings settings = MetricSettings.of(spec, KIND, KIND, KNOWN);
        ReportGlob reports;
        try {
            reports = ReportGlob.of(settings.required("reports", "'smoke/*.xml'"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tests setting 'reports': " + e.getMessage(), e);
        }
        String directory = settings.has("directory") ? settings.get("directory") : ".";
        Path base;
        try {
            base = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "tests setting 'directory' is not a path: '" + directory + "'; fix: give a directory", e);
        }
        Optional<String> command = settings.has("command") ? Optional.of(settings.get("command")) : Optional.empty();
        Optional<Duration> every = settings.has("every")
                ? Optional.of(Durations.parse("tests setting 'every'", settings.get("every")))
                : Optional.empty();
        Duration timeout = settings.has("timeout")
                ? Durations.parse("tests setting 'timeout'", settings.get("timeout"))
                : DEFAULT_TIMEOUT;
        return new TestReportSettings(
                base, reports, settings.wholeNumber("maxBytes", DEFAULT_MAX_BYTES), command, every, timeout);
    }

    /** The spec stored with a rollout or a watch. */
    public MetricSpec spec() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("directory", directory.toString());
        settings.put("reports", reports.pattern());
        settings.put("maxBytes", Long.toString(maxBytes));
        command.ifPresent(text -> {
            settings.put("command", text);
            settings.put("timeout", Durations.format(timeout));
        });
        every.ifPresent(interval -> settings.put("every", Durations.format(interval)));
        return new MetricSpec(KIND, settings);
    }

    /** How the gate's reader is bounded for these reports. */
    ReadLimits limits() {
        return new ReadLimits(maxBytes, ReadLimits.DEFAULT.maxTokenBytes(), ReadLimits.DEFAULT.maxDepth());
    }
}
