package io.genesis.core.gate.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.time.TimeJson;
import java.util.List;

/**
 * Gate records and recorded baselines as JSON text: the form in which they cross a Jenkins channel
 * between the controller, which keeps them, and the agent, which reads the reports. Only JDK types
 * (strings) cross; the engine's classes stay on each side.
 */
public final class GateRecordJson {

    private static final ObjectMapper JSON = TimeJson.mapper();

    private GateRecordJson() {}

    public static String write(GateRecord record) {
        return text(record);
    }

    /** @throws IllegalArgumentException when {@code text} is not a gate record */
    public static GateRecord read(String text) {
        try {
            return JSON.readValue(text, GateRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a gate record: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(RecordedBaseline baseline) {
        return text(new StoredBaseline(
                baseline.description(),
                baseline.results().stream().map(RecordedBenchmark::of).toList()));
    }

    /** @throws IllegalArgumentException when {@code text} is not a recorded baseline */
    public static RecordedBaseline readBaseline(String text) {
        try {
            StoredBaseline stored = JSON.readValue(text, StoredBaseline.class);
            return new RecordedBaseline(
                    stored.description(),
                    stored.benchmarks().stream().map(RecordedBenchmark::result).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a recorded baseline: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private record StoredBaseline(String description, List<RecordedBenchmark> benchmarks) {

        StoredBaseline {
            benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        }
    }
}
