package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.GateSummary;
import io.jenkins.plugins.genesis.PersistedClasses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What crosses the channel to the agent: plain plugin data over, the verdict's JSON back. */
class GateCallableTest {

    @TempDir
    Path workspace;

    @Test
    void shouldCrossTheChannelAndEvaluateWhereItArrives() throws Exception {
        // given: every parameter set, as the agent would receive it
        GenesisGateStep step = GateFixtures.step();
        step.setRequiredTests(List.of(new RequiredTest("first", "*passes1")));
        step.setMinPassRate(96.0);
        step.setBaselineCoverage(90.0);
        step.setUnstableMargin(1.0);
        step.setCriticality(List.of(new CriterionCriticality("coverage", "error")));
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 99, 1);
        GateFixtures.writeCoverage(workspace, 90, 10);
        GateCallable sent = new GateCallable(GateFixtures.input(step));

        // when: Java serialization, as remoting does it
        GateCallable received = roundTrip(sent);
        String[] judged = received.invoke(workspace.toFile(), null);

        // then: the summary, and no record without a commit
        assertThat(GateSummary.fromJson(judged[0]).verdict()).isEqualTo("PASSED");
        assertThat(judged[1]).isNull();
    }

    @Test
    void shouldSendNoEngineType() {
        assertThat(PersistedClasses.problemsOf(GateCallable.class)).isEmpty();
        assertThat(PersistedClasses.problemsOf(GenesisGateStep.Execution.class)).isEmpty();
    }

    @Test
    void shouldSendBackOnlyJdkExceptionsSoTheControllersClassFilterNeverSeesAnEngineClass() {
        // given
        RuntimeException engine = new EngineFailure("cannot read TEST-a.xml");
        IllegalArgumentException usage = new IllegalArgumentException("genesisGate: force: true needs a reason");

        // when
        RuntimeException sentForEngine = GateCallable.jdkOnly(engine);
        RuntimeException sentForUsage = GateCallable.jdkOnly(usage);

        // then
        assertThat(sentForEngine)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EngineFailure: cannot read TEST-a.xml")
                .hasNoCause();
        assertThat(sentForEngine.getStackTrace()).isEqualTo(engine.getStackTrace());
        assertThat(sentForUsage).isSameAs(usage);
    }

    private static GateCallable roundTrip(GateCallable callable) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(callable);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (GateCallable) in.readObject();
        }
    }

    /** Stands for any exception class of the engine: not the JDK's. */
    private static final class EngineFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EngineFailure(String message) {
            super(message);
        }
    }
}
