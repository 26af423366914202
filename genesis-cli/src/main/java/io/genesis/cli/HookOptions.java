package io.genesis.cli;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.policy.Percentage;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A deploy's lifecycle hooks as the command line gives them: {@code --hook pre-traffic='pytest -m
 * smoke --base-url {url}'}, {@code --webhook before-deploy=https://backup.internal/run}, with a
 * timeout, webhook retries and JUnit reports for all of them. Only maps text to hooks: what a hook
 * may be is checked by the engine's {@link Hook}.
 */
final class HookOptions {

    @Option(
            names = "--hook",
            paramLabel = "PHASE=COMMAND",
            description = "Run COMMAND at PHASE: before-deploy, pre-traffic (on the candidate before any traffic;"
                    + " {url} is its address), after-promotion, on-rollback. A failed or timed-out before-deploy hook"
                    + " aborts, a pre-traffic one rolls back. Repeatable.")
    List<String> commands = new ArrayList<>();

    @Option(
            names = "--webhook",
            paramLabel = "PHASE=URL",
            description = "POST the rollout as JSON to URL at PHASE; a 2xx answer passes. Repeatable.")
    List<String> webhooks = new ArrayList<>();

    @Option(
            names = "--hook-timeout",
            paramLabel = "DURATION",
            description = "How long each hook (each webhook attempt) may take, such as 5m (default 10m).")
    String timeout;

    @Option(
            names = "--webhook-retries",
            paramLabel = "N",
            description = "How many more times a failed webhook is tried (default 0).")
    int retries;

    @Option(
            names = "--hook-junit",
            paramLabel = "PHASE=GLOB",
            description = "The JUnit XML the PHASE command writes, judged against the environment's pass rate"
                    + " (minPassRate); no report written, or too few passed, fails the hook.")
    Map<String, String> junit = new LinkedHashMap<>();

    /**
     * The hooks given, JUnit reports judged against {@code bar}.
     *
     * @throws IllegalArgumentException naming the option, the value and the fix
     */
    List<Hook> hooks(Percentage bar) {
        Duration limit = timeout == null ? null : Durations.parse("--hook-timeout", timeout);
        List<Hook> hooks = new ArrayList<>();
        Map<HookPhase, String> reports = new LinkedHashMap<>();
        junit.forEach((phase, glob) -> reports.put(HookPhase.parse("--hook-junit", phase), glob));
        for (String given : commands) {
            Map.Entry<HookPhase, String> hook = split("--hook", given, "pre-traffic='./smoke.sh {url}'");
            Hook command = Hook.command(hook.getKey(), hook.getValue()).withTimeout(limit);
            String glob = reports.remove(hook.getKey());
            hooks.add(glob == null ? command : command.withJunit(glob, bar));
        }
        if (!reports.isEmpty()) {
            throw new IllegalArgumentException(
                    "--hook-junit names " + reports.keySet().iterator().next().option()
                            + ", which has no --hook command; fix: give the command that writes the report with --hook");
        }
        for (String given : webhooks) {
            Map.Entry<HookPhase, String> hook = split("--webhook", given, "before-deploy=https://backup.internal/run");
            hooks.add(Hook.webhook(hook.getKey(), hook.getValue())
                    .withTimeout(limit)
                    .withRetries(retries));
        }
        return hooks;
    }

    private static Map.Entry<HookPhase, String> split(String option, String given, String example) {
        int equals = given.indexOf('=');
        if (equals <= 0 || given.substring(equals + 1).isBlank()) {
            throw new IllegalArgumentException(
                    option + " takes PHASE=VALUE, such as " + option + " " + example + "; got '" + given + "'");
        }
        return Map.entry(HookPhase.parse(option, given.substring(0, equals)), given.substring(equals + 1));
    }
}
