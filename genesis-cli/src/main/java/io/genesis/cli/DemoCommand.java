package io.genesis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genesis demo}: the whole story in one process, on this machine, in well under two minutes. */
@Command(
        name = "demo",
        sortOptions = false,
        description = {
            "Shows Genesis end to end in one process, on 127.0.0.1 only: a quality gate on real test and coverage"
                    + " reports, then a sandbox with real traffic where a healthy 1.0.0 rolls out, a faulty 2.0.0"
                    + " canary is rolled back automatically on its measured error rate, and a healthy 3.0.0 goes"
                    + " blue-green to 100 %%; then the history and what runs where.",
            "Plan windows are demo-sized (seconds, not minutes) and say so; traffic and measurements are real.",
            "With --target docker the same story runs as containers on a Docker engine behind HAProxy; without a"
                    + " reachable engine it says what it tried and exits 2.",
            "With --release it tells the release guide's way to production instead, with the commands a pipeline"
                    + " runs: a version refused for production until it passed staging, a smoke-test hook stopping"
                    + " a broken candidate before traffic, backup and approval before production, and an emergency"
                    + " bypass with its recorded reason."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the story went as expected",
            "1:something did not go as expected (the output says what)",
            ExitCodeText.USAGE + " -- for --target docker also: no engine answered, or haproxy is missing",
            ExitCodeText.INTERNAL
        })
final class DemoCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Keep the demo's rollouts and history here (default: a temporary directory, removed at the"
                    + " end); 'genesis history --state-dir DIR' reads them afterwards.")
    Path stateDir;

    @Option(
            names = "--target",
            paramLabel = "KIND",
            description =
                    "Where the story plays: sandbox (default: in this process) or docker (containers on the Docker"
                            + " engine DOCKER_HOST names, behind an HAProxy on 127.0.0.1; images built there from this"
                            + " machine's JDK, no registry).")
    String target = SandboxKind.NAME;

    @Option(
            names = "--target-option",
            paramLabel = "KEY=VALUE",
            description = "For --target docker: host (the engine, default DOCKER_HOST), tlsCertPath, proxyPort"
                    + " (default: a free port).")
    Map<String, String> targetOptions = new LinkedHashMap<>();

    @Option(
            names = "--release",
            description = "Tell the way to production (gate, promotion path, hooks, approval, bypass) with the"
                    + " commands a pipeline runs, on the sandbox.")
    boolean release;

    DemoCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!target.equals(SandboxKind.NAME) && !target.equals(DockerKind.NAME)) {
            err.println("genesis demo: --target " + target + " is not a demo target; use sandbox or docker");
            return ExitCode.USAGE.code();
        }
        if (target.equals(SandboxKind.NAME) && !targetOptions.isEmpty()) {
            err.println("genesis demo: --target-option applies to --target docker; the sandbox takes none");
            return ExitCode.USAGE.code();
        }
        if (release && (!target.equals(SandboxKind.NAME) || !targetOptions.isEmpty())) {
            err.println("genesis demo: --release runs on the sandbox; leave out --target and --target-option");
            return ExitCode.USAGE.code();
        }
        Path work = Files.createTempDirectory("genesis-demo-");
        try {
            Path state = stateDir != null ? stateDir : work.resolve("state");
            if (release) {
                boolean asExpected = new ReleaseDemo(host, new StateDir(state), work, out).run();
                return asExpected ? ExitCode.PASSED.code() : ExitCode.FAILED.code();
            }
            try (DemoStage stage = stage(work, out)) {
                boolean asExpected =
                        new Demo(host, stage, new StateDir(state), work.resolve("workspace"), out, err).run();
                return asExpected ? ExitCode.PASSED.code() : ExitCode.FAILED.code();
            }
        } catch (DockerDemoStage.DemoUnavailable e) {
            err.println(e.getMessage());
            return ExitCode.USAGE.code();
        } finally {
            delete(work);
        }
    }

    private DemoStage stage(Path work, PrintWriter out) throws DockerDemoStage.DemoUnavailable {
        if (target.equals(DockerKind.NAME)) {
            return DockerDemoStage.open(
                    targetOptions, System.getenv(), Path.of(System.getProperty("user.home")), work, out);
        }
        return new SandboxDemoStage();
    }

    private static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
