package io.genesis.core.gate.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.Criterion;
import io.genesis.core.gate.CriterionStatus;
import io.genesis.core.gate.Gate;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.Verdict;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environments;
import io.genesis.core.target.DeploymentKey;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployedBaselineTest {

    private static final String RUNNING = "1111111111111111111111111111111111111111";
    private static final String CANDIDATE = "2222222222222222222222222222222222222222";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final DeploymentKey SHOP_STAGING = new DeploymentKey("shop", "staging");

    @TempDir
    Path dir;

    private final InMemoryHistoryStore history = new InMemoryHistoryStore();

    private static GateRequest.Builder gate(String benchmarks) throws URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(
                        DeployedBaselineTest.class.getClassLoader().getResource(""))
                .toURI());
        return GateRequest.builder(Environments.defaults().named("staging"), root)
                .testReports("reports/surefire/*.xml")
                .benchmarkReports(benchmarks);
    }

    private void deployed(String commit, String version, RecordStatus status, Instant ended) {
        history.append(new DeploymentRecord(
                "r-" + version,
                "shop",
                "staging",
                version,
                commit,
                null,
                null,
                "rolling",
                "ci",
                null,
                ended,
                ended,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private static Criterion criterion(GateVerdict verdict, String name) {
        return verdict.criteria().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldCompareWithTheBenchmarksRecordedForTheVersionThatRunsNow() throws Exception {
        FileGateRecordStore gates = new FileGateRecordStore(dir);
        GateVerdict first = Gate.evaluate(gate("benchmarks/jmh/jmh-baseline.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());
        gates.save(GateRecord.of(first, RUNNING, "1.0.0", "ci", T0));
        deployed(RUNNING, "1.0.0", RecordStatus.SUCCEEDED, T0.plusSeconds(60));

        RecordedBaseline baseline = DeployedBaseline.of(SHOP_STAGING, history, gates);
        GateVerdict next = Gate.evaluate(gate("benchmarks/jmh/jmh-current.json")
                .recordedBaseline(baseline)
                .build());

        // The same outcome as with the baseline file itself (BenchmarkCriteriaTest): time passes,
        // allocation regressed in two benchmarks.
        assertThat(criterion(next, "benchmarks").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(next, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(next, "benchmarks.allocation").measured()).hasValue(2);
        assertThat(next.notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("benchmark baseline: the "
                                + first.readings().benchmarks().current().size()
                                + " benchmarks the gate recorded for shop 1.0.0 (commit 1111111), which runs in"
                                + " staging since 2026-03-02T10:01:00Z"));
    }

    @Test
    void shouldTakeTheRunningVersionNotTheNewestRecordOrAFailedDeployment() throws Exception {
        FileGateRecordStore gates = new FileGateRecordStore(dir);
        GateVerdict baselineRun = Gate.evaluate(gate("benchmarks/jmh/jmh-baseline.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());
        GateVerdict currentRun = Gate.evaluate(gate("benchmarks/jmh/jmh-current.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());
        gates.save(GateRecord.of(baselineRun, RUNNING, "1.0.0", "ci", T0));
        gates.save(GateRecord.of(currentRun, CANDIDATE, "1.1.0", "ci", T0.plusSeconds(30)));
        deployed(RUNNING, "1.0.0", RecordStatus.SUCCEEDED, T0.plusSeconds(60));
        deployed(CANDIDATE, "1.1.0", RecordStatus.ROLLED_BACK, T0.plusSeconds(120));

        RecordedBaseline baseline = DeployedBaseline.of(SHOP_STAGING, history, gates);

        assertThat(baseline.description()).contains("shop 1.0.0 (commit 1111111)");
        assertThat(baseline.results())
                .containsExactlyElementsOf(baselineRun.readings().benchmarks().current());
    }

    @Test
    void shouldSayWhyThereIsNoBaselineAndFailTheBenchmarkCriterion() throws Exception {
        FileGateRecordStore gates = new FileGateRecordStore(dir);

        RecordedBaseline nothingDeployed = DeployedBaseline.of(SHOP_STAGING, history, gates);
        deployed(RUNNING, "1.0.0", RecordStatus.SUCCEEDED, T0);
        RecordedBaseline nothingRecorded = DeployedBaseline.of(SHOP_STAGING, history, gates);
        GateVerdict verdict = Gate.evaluate(gate("benchmarks/jmh/jmh-current.json")
                .recordedBaseline(nothingRecorded)
                .build());

        assertThat(nothingDeployed.found()).isFalse();
        assertThat(nothingDeployed.description())
                .isEqualTo("nothing of shop has been deployed to staging yet, so there is no running version to"
                        + " compare with");
        assertThat(criterion(verdict, "benchmarks").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "benchmarks").message())
                .isEqualTo("benchmark results were given, but no baseline to compare them with: no gate recorded"
                        + " benchmarks for shop 1.0.0 (commit 1111111), which runs in staging since"
                        + " 2026-03-02T10:00:00Z; pass the baseline run's JMH or pytest-benchmark JSON");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldNameAnUnreadableRecordWhenItFindsNoBaseline() throws Exception {
        deployed(RUNNING, "1.0.0", RecordStatus.SUCCEEDED, T0);
        Path damaged = Files.writeString(dir.resolve(RUNNING + ".staging.json"), "{\"commit\":\"1111");

        RecordedBaseline none = DeployedBaseline.of(SHOP_STAGING, history, new FileGateRecordStore(dir));

        assertThat(none.found()).isFalse();
        assertThat(none.description())
                .startsWith("no gate recorded benchmarks for shop 1.0.0 (commit 1111111)")
                .contains("; and " + damaged + " skipped: not a readable gate record state (" + damaged + ", line 1")
                .contains("run 'genesis gate' for that commit again");
    }

    @Test
    void shouldPreferBaselineFilesWhenGiven() throws Exception {
        GateVerdict verdict = Gate.evaluate(gate("benchmarks/jmh/jmh-current.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-current.json")
                .recordedBaseline(RecordedBaseline.none("not used"))
                .build());

        assertThat(criterion(verdict, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(verdict.notes()).noneSatisfy(note -> assertThat(note).startsWith("benchmark baseline:"));
    }
}
