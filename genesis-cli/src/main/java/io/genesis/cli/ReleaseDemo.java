package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code genesis demo --release}: the release guide's way to production, told with the real commands a
 * pipeline runs ({@code genesis gate}, {@code deploy}, {@code history}) on the sandbox. A version is refused
 * for production until it passed staging and its commit passed production's gate; a smoke test run as a
 * pre-traffic hook stops a candidate before any user request reaches it; a backup hook and an approval
 * guard production; an emergency bypass goes through with its reason recorded.
 *
 * <p>Every command runs in this process exactly as typed (plus the demo's state directory, policy and
 * checkout file, which the printed line leaves out); what each prints is shown indented. Each act checks
 * its exit code and, at the end, the history must hold what the story says.
 */
final class ReleaseDemo {

    static final String APPLICATION = Demo.APPLICATION;
    static final String BROKEN = "1.4.0";
    static final String FIXED = "1.4.1";
    static final String HOTFIX = "1.4.2";
    static final String APPROVER = "release-manager";

    /** The release guide's two environments, demo-sized: production's approval without a wait timer. */
    static final String POLICY = """
            # genesis demo --release: the release guide's environments (docs/promotion.md)
            environments:
              - name: staging
                minPassRate: 95
                minCoverage: 85
                allowedBranches: [main]
                allowedTags: ["v*"]
              - name: production
                minPassRate: 98
                minCoverage: 85
                allowedBranches: [main]
                allowedTags: ["v*"]
                approvalRequired: true
                approvers: [{approver}]
                waitTimerMinutes: 0
                requiresPassed: [staging]
                requiresGate: true
            """.replace("{approver}", APPROVER);

    /** Demo-sized plans without analysis windows: the analysis story is {@code genesis demo}'s. */
    static final String STEPS = "deploy; smoke; weight 10; weight 50; weight 100; promote";

    private final Host host;
    private final Path work;
    private final StateDir state;
    private final PrintWriter out;
    private final List<String> surprises = new ArrayList<>();
    /** When the demo's commits were made: as it starts, so its history has lead times from the commit. */
    private Instant committed;

    ReleaseDemo(Host host, StateDir state, Path work, PrintWriter out) {
        this.host = host;
        this.state = state;
        this.work = work;
        this.out = out;
    }

    /** Tells the story; returns whether every act ended as it should. */
    boolean run() throws IOException, InterruptedException {
        Instant start = host.clock().instant();
        committed = start;
        if (new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() != 0) {
            out.println("genesis demo --release: its smoke tests call the candidate with curl, which is not on the"
                    + " PATH; install curl (apt-get install curl), then run it again");
            return false;
        }
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        Demo.copyReports(workspace);
        Path policy = Files.writeString(work.resolve("policy.yaml"), POLICY);
        // A checkout file of the demo's own, so that a genesis.yaml where the demo is started plays no part.
        Path checkout = Files.writeString(workspace.resolve(ConfigFile.FILE_NAME), "environments: []\n");
        Commands commands = new Commands(policy, checkout, workspace);
        out.println("genesis demo --release: the release guide's way to production on the sandbox (one process,"
                + " 127.0.0.1 only), state in " + state);
        out.println("  policy (trusted, outside the checkout): staging, then production with approval by " + APPROVER
                + ", staging passed first and a passing gate for the same commit");

        act("1. Tag v" + BROKEN + ": the gate judges the build's reports against production's bar and records the"
                + " verdict for the commit");
        commands.expect(0, gate(BROKEN, "production", workspace));

        act("2. v" + BROKEN + " straight to production is refused before anything is touched: it never passed"
                + " staging");
        commands.expect(2, deploy(BROKEN, "production"));

        act("3. v" + BROKEN + " to staging: the team's smoke test runs as a pre-traffic hook against the candidate's"
                + " own address and fails, so it is rolled back before any user request reaches it");
        commands.expect(1, with(deploy(BROKEN, "staging"), "--hook", "pre-traffic=" + smoke(false)));

        act("4. The fix, tag v" + FIXED + ": gate, staging with the passing smoke test");
        commands.expect(0, gate(FIXED, "production", workspace));
        commands.expect(0, with(deploy(FIXED, "staging"), "--hook", "pre-traffic=" + smoke(true)));

        act("5. v" + FIXED + " to production: promotion path met, a backup before anything changes, approval by "
                + APPROVER + ", traffic 10 % -> 50 % -> 100 %");
        Path backup = work.resolve("backup-" + FIXED + ".txt");
        commands.expect(
                0,
                with(
                        deploy(FIXED, "production"),
                        "--hook",
                        "before-deploy=echo \"backup of {application} in {environment} before {version}\" > " + backup,
                        "--approve-as",
                        APPROVER));
        if (!Files.exists(backup)) {
            surprises.add("the backup hook should have written " + backup);
        }

        act("6. An emergency: hotfix v" + HOTFIX + " to production without staging, bypassed with --force and a"
                + " reason, which the record keeps");
        commands.expect(0, gate(HOTFIX, "production", workspace));
        commands.expect(
                0,
                with(
                        deploy(HOTFIX, "production"),
                        "--force",
                        "--reason",
                        "INC-42: checkout down, staging unavailable",
                        "--approve-as",
                        APPROVER));

        act("7. The history: what ran, where, why");
        commands.expect(0, new String[] {"history", "--details", "--limit", "10"});

        checkHistory();
        Duration took = Duration.between(start, host.clock().instant());
        if (surprises.isEmpty()) {
            out.println("genesis demo --release: as expected, in " + RecordText.seconds(took));
            return true;
        }
        out.println("genesis demo --release: NOT as expected, in " + RecordText.seconds(took) + ":");
        surprises.forEach(surprise -> out.println("  " + surprise));
        return false;
    }

    /**
     * A smoke test against the candidate's own address ({@code {url}}), standing in for a team's
     * {@code pytest -m smoke}: real {@code GET}s with {@code curl}; the broken version's test also finds its
     * checkout broken (the stand-in says so and fails, as the team's test would).
     */
    private static String smoke(boolean passes) {
        String requests = "for i in 1 2 3; do curl -sf -o /dev/null {url}/ || exit 1; done";
        return passes
                ? requests + "; echo \"smoke: 3 of 3 requests to {url}/ answered\""
                : requests + "; echo \"smoke: POST {url}/checkout expected 200, got 503\"; exit 1";
    }

    private String[] gate(String version, String environment, Path workspace) {
        return new String[] {
            "gate",
            "--environment",
            environment,
            "--tests",
            "surefire-reports/*.xml",
            "--coverage",
            "jacoco/jacoco.xml",
            "--commit",
            Demo.commitOf(version),
            "--dir",
            workspace.toString()
        };
    }

    private String[] deploy(String version, String environment) {
        return new String[] {
            "deploy",
            "--application",
            APPLICATION,
            "--environment",
            environment,
            "--target",
            SandboxKind.NAME,
            "--tag",
            "v" + version,
            "--commit",
            Demo.commitOf(version),
            "--steps",
            STEPS,
            "--build",
            "release-demo",
            "--commit-time",
            committed.toString()
        };
    }

    private static String[] with(String[] command, String... more) {
        String[] all = new String[command.length + more.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }

    private void checkHistory() {
        List<DeploymentRecord> records = state.history().all(HistoryQuery.newest(1));
        Map<String, List<DeploymentRecord>> byVersion =
                records.stream().collect(Collectors.groupingBy(DeploymentRecord::version));
        expectRecord(byVersion, BROKEN, "staging", RecordStatus.ROLLED_BACK, "preTraffic hook failed");
        expectRecord(byVersion, FIXED, "production", RecordStatus.SUCCEEDED, null);
        expectRecord(byVersion, HOTFIX, "production", RecordStatus.SUCCEEDED, null);
        Optional.ofNullable(byVersion.get(HOTFIX)).stream()
                .flatMap(List::stream)
                .filter(r -> r.notes().stream().noneMatch(note -> note.contains("INC-42")))
                .findAny()
                .ifPresent(r -> surprises.add("the hotfix's record should keep the bypass's reason"));
        if (records.stream()
                .anyMatch(r -> r.version().equals(BROKEN) && r.environment().equals("production"))) {
            surprises.add(BROKEN + " should never have reached production");
        }
    }

    private void expectRecord(
            Map<String, List<DeploymentRecord>> byVersion,
            String version,
            String environment,
            RecordStatus status,
            String reasonMentions) {
        Map<String, DeploymentRecord> byEnvironment = byVersion.getOrDefault(version, List.of()).stream()
                .collect(Collectors.toMap(DeploymentRecord::environment, Function.identity(), (a, b) -> a));
        DeploymentRecord record = byEnvironment.get(environment);
        if (record == null) {
            surprises.add(version + " should have a record in " + environment);
        } else if (record.status() != status) {
            surprises.add(version + " in " + environment + " should have ended " + status + ", but ended "
                    + record.status() + ": " + record.reason());
        } else if (reasonMentions != null && !record.reason().contains(reasonMentions)) {
            surprises.add(version + " in " + environment + " ended " + status + ", but not because " + reasonMentions
                    + ": " + record.reason());
        }
    }

    private void act(String title) {
        out.println();
        out.println(title);
        out.flush();
    }

    /** Runs commands in this process as a pipeline would, with the demo's state, policy and checkout. */
    private final class Commands {
        private final List<String> hidden;

        Commands(Path policy, Path checkout, Path workspace) {
            this.hidden = List.of(
                    "--state-dir",
                    state.root().toString(),
                    "--policy",
                    policy.toString(),
                    "--config",
                    checkout.toString());
        }

        void expect(int exitCode, String[] command) {
            out.println("$ genesis " + shown(command));
            out.flush();
            StringWriter printed = new StringWriter();
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(command[0].equals("history") ? hidden.subList(0, 2) : hidden);
            int code;
            try (PrintWriter writer = new PrintWriter(printed, true)) {
                code = GenesisCommand.run(host, writer, writer, args.toArray(String[]::new));
            }
            printed.toString().lines().forEach(line -> out.println("    " + line));
            out.println("  => exit " + code + (code == exitCode ? "" : ", expected " + exitCode));
            if (code != exitCode) {
                surprises.add("'genesis " + shown(command) + "' should have exited " + exitCode + ", not " + code);
            }
        }

        private static String shown(String[] command) {
            return java.util.Arrays.stream(command)
                    .map(arg -> arg.contains(" ") || arg.contains(";") ? "'" + arg + "'" : arg)
                    .collect(Collectors.joining(" "));
        }
    }
}
