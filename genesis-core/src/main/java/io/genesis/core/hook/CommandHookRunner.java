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
 * The command starts as a {@link GroupedProcess}, so stopping it reaches every process it started.
 */
final class CommandHookRunner {

    private final Path workingDirectory;

    CommandHookRunner(Path workingDirectory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    HookRun start(Hook hook, HookContext context) {
        String command = expand(hook, context);
        ProcessBuilder builder = new ProcessBuilder(GroupedProcess.shell(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.putAll(context.variables());
        HookReports reports = hook.junit().isEmpty() ? null : HookReports.before(workingDirectory, hook.junit());
        GroupedProcess process;
        try {
            process = GroupedProcess.start(builder);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start the " + hook.phase().key() + " hook " + hook.describe() + ": " + e.getMessage(),
                    e);
        }
        return new Running(process, hook, reports);
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

    /** One running command. */
    private static final class Running implements HookRun {
        private final GroupedProcess grouped;
        private final Process process;
        private final Hook hook;
        private final HookReports reports;
        private final OutputTail tail = new OutputTail();
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        private boolean exitSeen;

        Running(GroupedProcess grouped, Hook hook, HookReports reports) {
            this.grouped = grouped;
            this.process = grouped.process();
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
            grouped.stop();
        }

        @Override
        public CompletionStage<?> ended() {
            return process.onExit().thenCombine(drained, (p, d) -> p);
        }
    }
}
