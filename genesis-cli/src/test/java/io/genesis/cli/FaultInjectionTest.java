package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.target.TargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line as a black box under injected target faults: every operation of every plan shape
 * fails once (a hiccup) or every time (an outage), and after each deploy the next command must find a
 * consistent state: nothing left in progress, one complete record with a final status that agrees with
 * the exit code, nothing unreadable, and never an internal error. docs/reliability.md reports the figures.
 */
class FaultInjectionTest {

    private static final List<String> OPERATIONS = List.of(
            "deployCandidate",
            "health",
            "smokeCheck",
            "setWeight",
            "verifyWeight",
            "rollTo",
            "promote",
            "rollback",
            "retireCandidate",
            "scaleDownPrevious");

    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static final AtomicInteger CONSISTENT = new AtomicInteger();

    @TempDir
    Path state;

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] plan : List.of(
                new String[] {
                    "blue-green shape",
                    "--steps",
                    "deploy; smoke; weight 10; weight 50; weight 100; promote" + "; scaleDown"
                },
                new String[] {"canary shape", "--steps", "deploy; smoke; weight 5; weight 25; weight 100; promote"},
                new String[] {"rolling", "--strategy", "rolling"})) {
            for (String operation : OPERATIONS) {
                for (int times : new int[] {1, 5}) {
                    cases.add(Arguments.of(plan[0], plan[1], plan[2], operation, times));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {3} fails {4}x")
    @MethodSource("faults")
    void shouldEndConsistentAfterAnInjectedFault(String shape, String option, String plan, String operation, int times)
            throws Exception {
        RecordingKind recording = new RecordingKind();
        for (int i = 0; i < times; i++) {
            recording.target.failNext(operation, new TargetException("injected fault in " + operation));
        }

        Run deploy = Run.on(
                recording.host(),
                CommandLines.deploy(
                        state,
                        "shop",
                        "--environment",
                        "staging",
                        "--target",
                        RecordingKind.NAME,
                        "--version",
                        "1.1.0",
                        option,
                        plan));
        boolean injected = recording.target.operations().stream().anyMatch(o -> o.startsWith(operation));
        Run status = Run.on(recording.host(), "status", "--state-dir", state.toString(), "--json");

        if (injected) {
            INJECTED.incrementAndGet();
        }
        JsonNode document = new ObjectMapper().readTree(status.out());
        List<DeploymentRecord> records = CommandLines.records(state);
        assertThat(deploy.err() + deploy.out()).doesNotContain("internal error");
        assertThat(document.get("inProgress")).as("left in progress").isEmpty();
        assertThat(document.get("problems")).as("unreadable state").isEmpty();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.endedAt()).isNotNull();
            assertThat(record.reason()).isNotBlank();
            assertThat(deploy.exitCode())
                    .as(record.reason())
                    .isEqualTo(ExitCode.of(record.status()).code());
            if (record.status() == RecordStatus.SUCCEEDED) {
                assertThat(recording.target.stable()).isEqualTo("1.1.0");
            } else {
                assertThat(recording.target.stable()).as(record.reason()).isEqualTo("1.0.0");
            }
        });
        if (injected) {
            CONSISTENT.incrementAndGet();
        }
    }

    @AfterAll
    static void report() {
        System.out.println(
                "fault injection: " + INJECTED.get() + " faults injected, " + CONSISTENT.get() + " ended consistent");
    }
}
