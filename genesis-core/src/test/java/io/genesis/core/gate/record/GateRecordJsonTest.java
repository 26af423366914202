package io.genesis.core.gate.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateRecordJsonTest {

    @Test
    void shouldCarryARecordAndABaselineAsTextUnchanged() {
        GateRecord record = new GateRecord(
                "abcdef0123456",
                "production",
                "1.2.3",
                Verdict.OVERRIDDEN,
                Instant.parse("2026-03-02T10:00:00Z"),
                "alice",
                List.of("pass rate 97 % < 98 %"),
                FileGateRecordStoreTest.benchmarks(3),
                2);
        RecordedBaseline baseline = new RecordedBaseline(
                "the benchmarks of 1.2.2",
                FileGateRecordStoreTest.benchmarks(4).stream()
                        .map(RecordedBenchmark::result)
                        .toList());

        assertThat(GateRecordJson.read(GateRecordJson.write(record))).isEqualTo(record);
        assertThat(GateRecordJson.readBaseline(GateRecordJson.write(baseline))).isEqualTo(baseline);
    }

    @Test
    void shouldRefuseTextThatIsNotARecord() {
        assertThatThrownBy(() -> GateRecordJson.read("{\"commit\": \"main\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a gate record");
        assertThatThrownBy(() -> GateRecordJson.readBaseline("[1, 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a recorded baseline");
    }
}
