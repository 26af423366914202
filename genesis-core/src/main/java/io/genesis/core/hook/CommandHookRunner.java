package io.genesis.core.hook;

import io.genesis.core.policy.Percentage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs a command hook through {@code sh -c} in a working directory, with the rollout's values as
 * {@code GENESIS_*} environment variables and as {@code {name}} placeholders. Its output (standard
 * output and error together) is drained by a daemon thread into a bounded tail, so a hook that writes
 * a lot can neither block on a full pipe nor fill memory.
 *
 * <p>Where {@code setsid} exists (Linux), the command starts in a session and process group of its own, so
 * that stopping it reaches every process it started, also one forked after a list of its children was
 * taken or left behind by a shell that has ended; elsewhere only its descendants at the time are stopped.
 */
final class CommandHookRunner {

    /** {@code setsid} on the PATH, if there is one (util-linux on Linux). */
    private static final Optional<Path> SETSID = onPath("setsid");

    private final Path workingDirectory;

    CommandHookRunner(Path workingDirectory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    HookRun start(Hook hook, HookContext context) {
        String command = expand(hook, context);
        boolean ownGroup = SETSID.isPresent();
        ProcessBuilder builder = new ProcessBuilder(
                        ownGroup
                                ? java.util.List.of(SETSID.get().toString(), "sh", "-c", command)
                                : java.util.List.of("sh", "-c", command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> environment = builder.environment();
        environment.putAll(context.variables());
        HookReports reports = hook.junit().isEmpty() ? null : HookReports.before(workingDirectory, hook.junit());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start the " + hook.phase().key() + " hook " + hook.describe() + ": " + e.getMessage(),
                    e);
        }
        return new Running(process, hook, reports, ownGroup);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, program))
                .filter(java.nio.file.Files::isExecutable)
                .findFirst();
    }

    /** The command with each {@code {name}} replaced; {@code {url}} without a preview address is refused. */
    static String expand(Hook hook, HookContext context) {
        String command = hook.command();
        if (command.contains("{url}") && context.preview().isEmpty()) {
            throw new IllegalStateException("the " + hook.phase().key() + " hook uses {url}, but the target gives no"
                    + " address for the candidate at this phase; use {url} in preTraffic hooks on a target that"
                    + " offers a preview address (the sandbox does), or leave it out");
        }
        for (Map.Entry<String, String> value : context.values().entrySet()) {
            command = command.replace("{" + value.getKey() + "}", value.getValue());
        }
        return command;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** One running command. */
    private static final class Running implements HookRun {
        private final Process process;
        private final Hook hook;
        private final HookReports reports;
        private final OutputTail tail = new OutputTail();
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        private final boolean ownGroup;
        private boolean exitSeen;

        Running(Process process, Hook hook, HookReports reports, boolean ownGroup) {
            this.process = process;
            this.ownGroup = ownGroup;
            this.hook = hook;
            this.reports = reports;
            Thread drainer = new Thread(this::drain, "genesis-hook-output-" + process.pid());
            drainer.setDaemon(true);
            drainer.start();
        }

        private void drain() {
            try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                    tail.append(new String(buffer, 0, read));
                }
            } catch (IOException e) {
                // The process was stopped and its pipe closed: what was read so far is the output.
            } finally {
                drained.complete(null);
            }
        }

        @Override
        public synchronized Optional<HookReport> poll() {
            if (process.isAlive()) {
                return Optional.empty();
            }
            // A child left running in the background may hold the pipe open: give the output one more poll, no more.
            if (!drained.isDone() && !exitSeen) {
                exitSeen = true;
                return Optional.empty();
            }
            int exit = process.exitValue();
            if (reports == null) {
                return Optional.of(new HookReport(exit == 0, exit, "exit code " + exit, tail.shown()));
            }
            HookReports.Judgement judged =
                    reports.judge(hook.minPassRate() == null ? Percentage.HUNDRED : hook.minPassRate());
            String detail = "exit code " + exit + (judged.passed() ? "" : "; the smoke criteria were not met");
            return Optional.of(
                    new HookReport(exit == 0 && judged.passed(), exit, detail, tail.shown(), judged.reading()));
        }

        @Override
        public void stop() {
            if (ownGroup) {
                killGroup();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** SIGKILL to the hook's whole process group (its id is the shell's pid, as setsid made it). */
        private void killGroup() {
            try {
                Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill.destroyForcibly();
                }
            } catch (IOException e) {
                // No kill command: the descendants are stopped one by one below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public CompletionStage<?> ended() {
            return process.onExit().thenCombine(drained, (p, d) -> p);
        }
    }
}
