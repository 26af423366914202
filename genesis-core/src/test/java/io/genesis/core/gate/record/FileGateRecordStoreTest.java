package io.genesis.core.gate.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.Verdict;
import io.genesis.core.gate.benchmarks.Measure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGateRecordStoreTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    static List<RecordedBenchmark> benchmarks(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RecordedBenchmark(
                        "com.example.Prices.format" + i + " avgt",
                        new Measure(100 + i, 95 + i, 105 + i, "ns/op", true, true),
                        i % 2 == 0 ? null : new Measure(64, 64, 64, "B/op", true, false)))
                .toList();
    }

    static GateRecord record(String commit, String environment, Verdict verdict, Instant at, int benchmarks) {
        return new GateRecord(
                commit, environment, "1.2.3", verdict, at, "alice", List.of("pass rate ok"), benchmarks(benchmarks), 0);
    }

    @Test
    void shouldKeepARecordAndFindItByFullOrAbbreviatedCommit() {
        FileGateRecordStore store = new FileGateRecordStore(dir.resolve("gates"));
        GateRecord saved = record(COMMIT, "production", Verdict.PASSED, T0, 3);

        store.save(saved);

        FileGateRecordStore reopened = new FileGateRecordStore(dir.resolve("gates"));
        assertThat(reopened.find(COMMIT, "production")).hasValue(saved);
        assertThat(reopened.find("0123456", "production")).hasValue(saved);
        assertThat(reopened.find(COMMIT, "staging")).isEmpty();
        assertThat(reopened.forCommit("fedcba9")).isEmpty();
        assertThat(reopened.find(COMMIT, "production")
                        .orElseThrow()
                        .benchmarks()
                        .get(1)
                        .result()
                        .allocation())
                .isPresent();
        assertThat(reopened.problems()).isEmpty();
    }

    @Test
    void shouldReplaceTheRecordOfTheSameCommitAndEnvironmentAndListNewestFirst() {
        FileGateRecordStore store = new FileGateRecordStore(dir);
        store.save(record(COMMIT, "production", Verdict.FAILED, T0, 0));
        store.save(record(COMMIT, "staging", Verdict.PASSED, T0.plusSeconds(10), 0));
        store.save(record(COMMIT, "production", Verdict.PASSED, T0.plusSeconds(20), 0));

        assertThat(store.forCommit(COMMIT))
                .extracting(GateRecord::environment, GateRecord::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("production", Verdict.PASSED),
                        org.assertj.core.groups.Tuple.tuple("staging", Verdict.PASSED));
    }

    @Test
    void shouldStayBoundedWhateverTheReportsHeld() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add("x".repeat(1_000));
        }
        GateRecord big = new GateRecord(
                COMMIT, "staging", null, Verdict.PASSED, T0, null, lines, benchmarks(GateRecord.MAX_BENCHMARKS + 7), 0);

        assertThat(big.lines()).hasSize(GateRecord.MAX_LINES);
        assertThat(big.lines().get(0)).hasSize(GateRecord.MAX_LINE + 1);
        assertThat(big.benchmarks()).hasSize(GateRecord.MAX_BENCHMARKS);
        assertThat(big.benchmarksCut()).isEqualTo(7);
    }

    @Test
    void shouldRefuseACommitThatIsNotOneAndReportAnUnreadableFile() throws Exception {
        assertThatThrownBy(() -> record("main", "staging", Verdict.PASSED, T0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("main");

        FileGateRecordStore store = new FileGateRecordStore(dir);
        store.save(record(COMMIT, "staging", Verdict.PASSED, T0, 0));
        Files.writeString(dir.resolve("abcdef0.production.json"), "{\"commit\": \"abcdef0\", \"environ");

        assertThat(store.forCommit(COMMIT)).hasSize(1);
        assertThat(store.problems()).singleElement().asString().contains("abcdef0.production.json");
    }
}
