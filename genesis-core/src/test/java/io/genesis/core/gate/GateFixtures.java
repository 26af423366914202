package io.genesis.core.gate;

import io.genesis.core.policy.Environments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** What the gate's criterion tests share: the fixture reports as a workspace, and a criterion by name. */
final class GateFixtures {

    private GateFixtures() {}

    /**
     * A request for a built-in environment over the test resources, with the real Surefire and JaCoCo
     * fixture reports, so that a test only adds the reports its criterion reads.
     */
    static GateRequest.Builder onFixtureReports(String environment) throws URISyntaxException {
        Path root = Path.of(
                Objects.requireNonNull(GateFixtures.class.getClassLoader().getResource(""))
                        .toURI());
        return GateRequest.builder(Environments.defaults().named(environment), root)
                .testReports("reports/surefire/*.xml")
                .coverageReports("reports/jacoco/jacoco.xml");
    }

    /** The verdict's criterion of this name; a test that expects one fails when it is missing. */
    static Criterion criterion(GateVerdict verdict, String name) {
        return verdict.criteria().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + name + " in " + verdict.criteria()));
    }
}
