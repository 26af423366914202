package io.jenkins.plugins.genesis.gate;

import java.io.Serializable;

/**
 * Everything the agent needs to evaluate one gate, as plain data: the step's settings, the
 * environment's thresholds and, when the test results come from the JUnit plugin, its counts. It
 * is what crosses the channel to the agent; the verdict comes back as JSON.
 */
final class GateInput implements Serializable {

    private static final long serialVersionUID = 1L;

    final GateSettings settings;
    final EnvironmentGate environment;
    /** Present when, and only when, the test results come from the JUnit plugin. */
    final JUnitTotals junit;
    /** The commit the reports were built from, when known: the verdict is then recorded for it. */
    final String commit;
    /**
     * The benchmark baseline recorded for the version that runs in the environment now, as JSON
     * ({@code GateRecordJson}), when no baseline files are given; else {@code null}.
     */
    final String recordedBaseline;

    GateInput(GateSettings settings, EnvironmentGate environment, JUnitTotals junit) {
        this(settings, environment, junit, null, null);
    }

    GateInput(
            GateSettings settings,
            EnvironmentGate environment,
            JUnitTotals junit,
            String commit,
            String recordedBaseline) {
        this.settings = settings;
        this.environment = environment;
        this.junit = junit;
        this.commit = commit;
        this.recordedBaseline = recordedBaseline;
    }
}
