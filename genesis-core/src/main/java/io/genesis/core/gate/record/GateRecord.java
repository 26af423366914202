package io.genesis.core.gate.record;

import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.Verdict;
import io.genesis.core.policy.Environment;
import io.genesis.core.target.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a gate decided for one commit against one environment's bar, kept so that later decisions
 * can rely on it: the promotion path's "a passing gate for the same commit", and the benchmark
 * baseline of the version that runs in an environment. One record per commit and environment; a
 * later gate of the same pair replaces it. Bounded: at most {@link #MAX_LINES} lines and
 * {@link #MAX_BENCHMARKS} benchmarks, so a record stays small whatever the reports held.
 *
 * @param commit the commit the reports were built from
 * @param environment the environment whose bar was applied
 * @param version the version, if known when the gate ran (may be empty)
 * @param verdict what the gate decided, after any override
 * @param recordedAt when
 * @param recordedBy who ran the gate, if known (may be empty)
 * @param lines the gate's lines, for people
 * @param benchmarks this run's benchmarks, the baseline of the next version's gate
 * @param benchmarksCut how many benchmarks were left out to keep the record bounded
 */
public record GateRecord(
        String commit,
        String environment,
        String version,
        Verdict verdict,
        Instant recordedAt,
        String recordedBy,
        List<String> lines,
        List<RecordedBenchmark> benchmarks,
        int benchmarksCut) {

    /** The most lines a record keeps. */
    public static final int MAX_LINES = 40;

    /** The longest line a record keeps, in characters. */
    public static final int MAX_LINE = 400;

    /** The most benchmarks a record keeps. */
    public static final int MAX_BENCHMARKS = 5_000;

    public GateRecord {
        commit = Version.requireCommit(commit);
        Environment.requireValidName(environment);
        version = version == null ? "" : version;
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(recordedAt, "recordedAt");
        recordedBy = recordedBy == null ? "" : recordedBy;
        lines = lines == null
                ? List.of()
                : lines.stream()
                        .limit(MAX_LINES)
                        .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line)
                        .toList();
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        if (benchmarks.size() > MAX_BENCHMARKS) {
            benchmarksCut += benchmarks.size() - MAX_BENCHMARKS;
            benchmarks = benchmarks.subList(0, MAX_BENCHMARKS);
        }
    }

    /** The record of {@code verdict}, reached for {@code commit}. */
    public static GateRecord of(GateVerdict verdict, String commit, String version, String by, Instant at) {
        return new GateRecord(
                commit,
                verdict.environment(),
                version,
                verdict.verdict(),
                at,
                by,
                verdict.lines(),
                verdict.readings().benchmarks().current().stream()
                        .map(RecordedBenchmark::of)
                        .toList(),
                0);
    }

    /** The file name's stem: commit and environment, both safe in a file name. */
    public String id() {
        return commit + "." + environment;
    }

    /** The commit as people read it: its first 7 digits. */
    public static String abbreviated(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    /** Whether the gate passed outright: a forced or unstable gate is not a pass a promotion relies on. */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** Whether this record is of {@code other}, written in full or abbreviated (at least 7 digits). */
    public boolean isOf(String other) {
        String asked = Version.requireCommit(other);
        return commit.startsWith(asked) || asked.startsWith(commit);
    }
}
