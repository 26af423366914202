package io.jenkins.plugins.genesis.gate;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/** Steps, inputs and small real reports for the gate's tests. */
final class GateFixtures {

    static final Environment STAGING = Environments.defaults().named("staging");

    private GateFixtures() {}

    /** A step against staging reading {@code reports/*.xml} and {@code jacoco.xml}. */
    static GenesisGateStep step() {
        GenesisGateStep step = new GenesisGateStep("staging");
        step.setTests("reports/*.xml");
        step.setCoverageReports("jacoco.xml");
        return step;
    }

    static GateInput input(GenesisGateStep step) {
        return input(step, STAGING);
    }

    static GateInput input(GenesisGateStep step, Environment environment) {
        return new GateInput(new GateSettings(step), EnvironmentGate.of(environment), null);
    }

    static GateInput junitInput(GenesisGateStep step, JUnitTotals totals) {
        return new GateInput(new GateSettings(step), EnvironmentGate.of(STAGING), totals);
    }

    /** A Surefire-style report of {@code passed} passing and {@code failed} failing tests of one class. */
    static void writeTests(Path workspace, String file, String className, int passed, int failed) throws IOException {
        StringJoiner cases = new StringJoiner("\n");
        for (int i = 0; i < passed; i++) {
            cases.add("  <testcase classname=\"" + className + "\" name=\"passes" + i + "\" time=\"0.01\"/>");
        }
        for (int i = 0; i < failed; i++) {
            cases.add("  <testcase classname=\"" + className + "\" name=\"fails" + i + "\" time=\"0.01\">"
                    + "<failure message=\"expected 1 but was 2\" type=\"AssertionError\"/></testcase>");
        }
        write(
                workspace,
                file,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + className + "\" tests=\""
                        + (passed + failed) + "\" failures=\"" + failed + "\" errors=\"0\" skipped=\"0\">\n"
                        + cases + "\n</testsuite>\n");
    }

    /** A JaCoCo report whose totals cover {@code covered} of {@code covered + missed} lines. */
    static void writeCoverage(Path workspace, int covered, int missed) throws IOException {
        write(
                workspace,
                "jacoco.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report name=\"shop\">\n<counter type=\"LINE\" missed=\""
                        + missed + "\" covered=\"" + covered + "\"/>\n</report>\n");
    }

    private static void write(Path workspace, String file, String text) throws IOException {
        Path target = workspace.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }
}
