package io.jenkins.plugins.genesis.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Real build actions for tests outside this package. */
public final class GateBuildActionFixture {

    private GateBuildActionFixture() {}

    /** The action of a failed staging gate forced through by {@code forcedBy}, from real reports. */
    public static GateBuildAction forced(String forcedBy) throws IOException {
        Path workspace = Files.createTempDirectory("gate");
        try {
            GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 99, 1);
            GateFixtures.writeCoverage(workspace, 50, 50);
            GenesisGateStep step = GateFixtures.step();
            step.setForce(true);
            step.setReason("INC-1234: hotfix");
            return new GateBuildAction(GateEvaluation.evaluate(GateFixtures.input(step), workspace), forcedBy);
        } finally {
            try (var files = Files.walk(workspace)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Everything the build page and the remote API show of {@code action}, as one line. */
    public static String shown(Object action) {
        GateBuildAction gate = (GateBuildAction) action;
        return String.join(
                " / ",
                gate.getVerdict(),
                gate.getDecided(),
                gate.getEnvironment(),
                String.valueOf(gate.getPassRate()),
                String.valueOf(gate.getForcedBy()),
                gate.getOverrideReason(),
                gate.getCriteria().stream()
                        .map(row -> row.getName() + ":" + row.getStatus() + ":" + row.getCriticality() + ":"
                                + row.getLine())
                        .collect(Collectors.joining(", ")),
                String.join(", ", gate.getNotes()));
    }
}
