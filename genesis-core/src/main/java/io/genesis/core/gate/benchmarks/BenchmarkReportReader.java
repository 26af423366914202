package io.genesis.core.gate.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.ReportReader;
import io.genesis.core.gate.json.JsonCursor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads benchmark results: JMH's JSON ({@code -rf json}: an array of benchmarks with a
 * {@code primaryMetric} and its {@code scoreConfidence}) or pytest-benchmark's
 * ({@code --benchmark-json}: an object with {@code benchmarks}, each with {@code stats}).
 * pytest-benchmark gives no interval; it is taken as the mean ± 3.29 standard errors
 * (stddev ÷ √rounds), the normal approximation of the 99.9 % interval JMH reports.
 */
public final class BenchmarkReportReader {

    /** The most benchmarks one file may hold. */
    static final int MAX_BENCHMARKS = 100_000;

    private static final double Z_999 = 3.29;
    private static final String FORMATS = "JMH JSON (-rf json) or pytest-benchmark JSON (--benchmark-json)";

    private final ReadLimits limits;

    public BenchmarkReportReader(ReadLimits limits) {
        this.limits = limits;
    }

    public List<BenchmarkResult> read(Path file, String source) throws ReportException {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, source);
        } catch (IOException e) {
            throw ReportReader.unreadable(source, e);
        }
    }

    public List<BenchmarkResult> read(InputStream input, String source) throws ReportException {
        return JsonCursor.read(input, source, limits, json -> {
            List<BenchmarkResult> results = new ArrayList<>();
            JsonToken token = json.next();
            if (token == JsonToken.START_ARRAY) {
                while (json.nextElement()) {
                    results.add(readJmh(json));
                    requireRoom(json, results);
                }
            } else if (token == JsonToken.START_OBJECT) {
                boolean found = false;
                while (json.nextField()) {
                    if ("benchmarks".equals(json.field())) {
                        json.requireArray("benchmarks");
                        while (json.nextElement()) {
                            results.add(readPytest(json));
                            requireRoom(json, results);
                        }
                        found = true;
                    } else {
                        json.skip();
                    }
                }
                if (!found) {
                    throw json.error(
                            "it has no \"benchmarks\", so it is not " + FORMATS, "point the pattern at " + FORMATS);
                }
            } else {
                throw json.error(
                        token == null ? "the file is empty" : "it starts with " + JsonCursor.describe(token),
                        "point the benchmark pattern at " + FORMATS);
            }
            if (json.next() != null) {
                throw json.error("it holds more than one JSON document", "point the pattern at " + FORMATS);
            }
            return results;
        });
    }

    private static BenchmarkResult readJmh(JsonCursor json) throws IOException, ReportException {
        json.requireObject("a JMH benchmark");
        String benchmark = null;
        String mode = "";
        Map<String, String> params = new TreeMap<>();
        Measure primary = null;
        Measure allocation = null;
        while (json.nextField()) {
            switch (json.field()) {
                case "benchmark" -> benchmark = json.string("benchmark");
                case "mode" -> mode = json.string("mode");
                case "params" -> readParams(json, params);
                case "primaryMetric" -> primary = readJmhMetric(json, !"thrpt".equals(mode), "primaryMetric");
                case "secondaryMetrics" -> allocation = readAllocation(json);
                default -> json.skip();
            }
        }
        if (benchmark == null || primary == null) {
            throw json.error(
                    "a JMH benchmark needs \"benchmark\" and \"primaryMetric\"", "regenerate it with -rf json");
        }
        if (!primary.lowerIsBetter() && !"thrpt".equals(mode)) {
            primary = new Measure(
                    primary.score(), primary.low(), primary.high(), primary.unit(), true, primary.hasInterval());
        }
        String name = JsonCursor.shorten(benchmark) + (params.isEmpty() ? "" : " " + params) + " " + mode;
        return new BenchmarkResult(name.replace("{", "[").replace("}", "]"), primary, Optional.ofNullable(allocation));
    }

    private static void readParams(JsonCursor json, Map<String, String> params) throws IOException, ReportException {
        json.requireObject("params");
        while (json.nextField()) {
            params.put(JsonCursor.shorten(json.field()), JsonCursor.shorten(json.string("a param")));
        }
    }

    /** JMH's {@code gc.alloc.rate.norm} among the secondary metrics, or {@code null}. */
    private static Measure readAllocation(JsonCursor json) throws IOException, ReportException {
        json.requireObject("secondaryMetrics");
        Measure allocation = null;
        while (json.nextField()) {
            if (json.field().endsWith("gc.alloc.rate.norm")) {
                allocation = readJmhMetric(json, true, "gc.alloc.rate.norm");
            } else {
                json.skip();
            }
        }
        return allocation;
    }

    private static Measure readJmhMetric(JsonCursor json, boolean lowerIsBetter, String what)
            throws IOException, ReportException {
        json.requireObject(what);
        Double score = null;
        double[] interval = null;
        String unit = "";
        while (json.nextField()) {
            switch (json.field()) {
                case "score" -> score = number(json, what + ".score");
                case "scoreUnit" -> unit = JsonCursor.shorten(json.string(what + ".scoreUnit"));
                case "scoreConfidence" -> {
                    json.requireArray(what + ".scoreConfidence");
                    List<Double> ends = new ArrayList<>();
                    while (json.nextElement()) {
                        ends.add(json.current() == JsonToken.VALUE_STRING ? Double.NaN : number(json, what));
                    }
                    if (ends.size() != 2) {
                        throw json.error(
                                what + ".scoreConfidence must hold two numbers", "regenerate it with -rf json");
                    }
                    interval = new double[] {ends.get(0), ends.get(1)};
                }
                default -> json.skip();
            }
        }
        if (score == null) {
            throw json.error(what + " has no score", "regenerate it with -rf json");
        }
        boolean known = interval != null && Double.isFinite(interval[0]) && Double.isFinite(interval[1]);
        return known
                ? new Measure(
                        score, Math.min(interval[0], score), Math.max(interval[1], score), unit, lowerIsBetter, true)
                : new Measure(score, score, score, unit, lowerIsBetter, false);
    }

    private static BenchmarkResult readPytest(JsonCursor json) throws IOException, ReportException {
        json.requireObject("a pytest-benchmark benchmark");
        String name = null;
        Double mean = null;
        Double stddev = null;
        Long rounds = null;
        while (json.nextField()) {
            switch (json.field()) {
                case "fullname" -> name = json.string("fullname");
                case "name" -> name = name == null ? json.string("name") : name;
                case "stats" -> {
                    double[] stats = readStats(json);
                    mean = Double.isNaN(stats[0]) ? null : stats[0];
                    stddev = Double.isNaN(stats[1]) ? null : stats[1];
                    rounds = stats[2] < 0 ? null : (long) stats[2];
                }
                default -> json.skip();
            }
        }
        if (name == null || mean == null) {
            throw json.error(
                    "a pytest-benchmark benchmark needs a name and stats.mean", "regenerate it with --benchmark-json");
        }
        if (stddev == null || rounds == null || rounds < 2) {
            return new BenchmarkResult(
                    JsonCursor.shorten(name), new Measure(mean, mean, mean, "s", true, false), Optional.empty());
        }
        double half = Z_999 * stddev / Math.sqrt(rounds);
        return new BenchmarkResult(
                JsonCursor.shorten(name),
                new Measure(mean, mean - half, mean + half, "s", true, true),
                Optional.empty());
    }

    /** Mean, standard deviation (NaN when absent) and rounds (-1 when absent). */
    private static double[] readStats(JsonCursor json) throws IOException, ReportException {
        json.requireObject("stats");
        double[] stats = {Double.NaN, Double.NaN, -1};
        while (json.nextField()) {
            switch (json.field()) {
                case "mean" -> stats[0] = number(json, "stats.mean");
                case "stddev" -> stats[1] = number(json, "stats.stddev");
                case "rounds" -> stats[2] = json.whole("stats.rounds");
                default -> json.skip();
            }
        }
        return stats;
    }

    private static double number(JsonCursor json, String what) throws IOException, ReportException {
        if (json.current() != JsonToken.VALUE_NUMBER_INT && json.current() != JsonToken.VALUE_NUMBER_FLOAT) {
            throw json.error(
                    what + " must be a number, found " + JsonCursor.describe(json.current()), "regenerate the file");
        }
        double value = json.score(what);
        if (!Double.isFinite(value)) {
            throw json.error(what + " is not a finite number", "regenerate the file");
        }
        return value;
    }

    private static void requireRoom(JsonCursor json, List<BenchmarkResult> results) throws ReportException {
        if (results.size() > MAX_BENCHMARKS) {
            throw json.error(
                    "it holds more than " + MAX_BENCHMARKS + " benchmarks", "check that it is a benchmark result file");
        }
    }
}
