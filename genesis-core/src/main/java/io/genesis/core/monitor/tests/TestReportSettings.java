package io.genesis.core.monitor.tests;

import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportGlob;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a post-deploy watch finds the smoke-test reports of the version it watches (kind
 * {@value #KIND}): JUnit XML files matching {@code reports} under {@code directory}, written by a job
 * that tests the deployed version on a schedule. Holds no secret.
 *
 * @param directory the directory the pattern is relative to; a relative one is resolved against the
 *     working directory of the process that samples
 * @param reports the pattern, such as {@code smoke/*.xml}, relative to {@code directory}
 * @param maxBytes the largest report read; a larger one is refused, not read in part
 */
public record TestReportSettings(Path directory, ReportGlob reports, long maxBytes) {

    /** The metric source kind of smoke-test reports. */
    public static final String KIND = "tests";

    /** Smoke-test reports are small; a report this large is not one. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private static final Set<String> KNOWN = Set.of("directory", "reports", "maxBytes");

    public TestReportSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reports, "reports");
        if (maxBytes < 1 || maxBytes > ReadLimits.DEFAULT.maxFileBytes()) {
            throw new IllegalArgumentException("tests setting 'maxBytes' must be from 1 to "
                    + ReadLimits.DEFAULT.maxFileBytes() + ", got " + maxBytes);
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
        return new TestReportSettings(base, reports, settings.wholeNumber("maxBytes", DEFAULT_MAX_BYTES));
    }

    /** The spec stored with a rollout or a watch. */
    public MetricSpec spec() {
        return new MetricSpec(
                KIND,
                Map.of(
                        "directory", directory.toString(),
                        "reports", reports.pattern(),
                        "maxBytes", Long.toString(maxBytes)));
    }

    /** How the gate's reader is bounded for these reports. */
    ReadLimits limits() {
        return new ReadLimits(maxBytes, ReadLimits.DEFAULT.maxTokenBytes(), ReadLimits.DEFAULT.maxDepth());
    }
}
