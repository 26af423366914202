package io.genesis.core.hook;

import io.genesis.core.gate.ReportGlob;
import io.genesis.core.policy.Percentage;
import io.genesis.core.secret.Redaction;
import io.genesis.core.time.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One lifecycle hook as a rollout stores it: a command run by the engine's host, or a webhook the
 * engine posts to. Holds no secret in the clear: a webhook address that carries one (user info, a
 * token parameter) is refused, and a command is shown through {@link Redaction} wherever it is said.
 *
 * @param phase when it runs
 * @param command the shell command, or {@code null} for a webhook; {@code {url}}, {@code {version}},
 *     {@code {commit}}, {@code {application}} and {@code {environment}} are replaced before it runs
 * @param webhook the address posted to, or {@code null} for a command
 * @param timeout how long one run (one webhook attempt) may take before it counts as failed
 * @param retries how many more attempts a webhook gets after a failed one (commands run once)
 * @param junit the JUnit XML reports the command writes (a glob under the working directory), judged
 *     by the gate's reader; empty when the exit code alone decides
 * @param minPassRate the pass rate those reports must reach: the environment's gate bar unless set
 * @param host what the engine's host runs itself (a Jenkins step's body), said in a few words, or
 *     {@code null} for a command or a webhook
 */
public record Hook(
        HookPhase phase,
        String command,
        String webhook,
        Duration timeout,
        int retries,
        String junit,
        Percentage minPassRate,
        String host) {

    /** How long a hook may run when nobody says. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** The longest a hook may be given: longer work belongs in a pipeline stage, not in a rollout. */
    public static final Duration LONGEST_TIMEOUT = Duration.ofHours(2);

    /** The most retries a webhook may ask for. */
    public static final int MOST_RETRIES = 10;

    public Hook {
        Objects.requireNonNull(phase, "phase");
        command = blankToNull(command);
        webhook = blankToNull(webhook);
        host = blankToNull(host);
        String field = "hooks." + phase.key();
        int kinds = (command == null ? 0 : 1) + (webhook == null ? 0 : 1) + (host == null ? 0 : 1);
        if (kinds != 1) {
            throw new IllegalArgumentException(
                    field + ": give either a command or a webhook address, got " + (kinds == 0 ? "neither" : "both"));
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException(field + ".timeout must be from 1 s to "
                    + Durations.format(LONGEST_TIMEOUT) + ", got " + Durations.format(timeout));
        }
        if (retries < 0 || retries > MOST_RETRIES) {
            throw new IllegalArgumentException(
                    field + ".retries must be from 0 to " + MOST_RETRIES + ", got " + retries);
        }
        if (command != null && retries != 0) {
            throw new IllegalArgumentException(field + ".retries applies to webhooks only; a command runs once"
                    + " (make the command retry what may be retried)");
        }
        if (webhook != null) {
            requireWebhook(field, webhook);
        }
        junit = junit == null ? "" : junit.strip();
        if (host != null && retries != 0) {
            throw new IllegalArgumentException(field + ".retries applies to webhooks only");
        }
        if (!junit.isEmpty() && command == null) {
            throw new IllegalArgumentException(
                    field + ".junit applies to commands only; a webhook answers with its status code");
        }
        if (!junit.isEmpty()) {
            try {
                ReportGlob.of(junit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ".junit: " + e.getMessage(), e);
            }
        }
    }

    /** A command hook with the default timeout. */
    public static Hook command(HookPhase phase, String command) {
        return new Hook(phase, command, null, null, 0, "", null, null);
    }

    /** A webhook with the default timeout and no retries. */
    public static Hook webhook(HookPhase phase, String address) {
        return new Hook(phase, null, address, null, 0, "", null, null);
    }

    /**
     * A hook the engine's host runs itself, such as the body of a Jenkins step on an agent; only a
     * {@link HookRunner} of that host can start it.
     *
     * @param what the hook in a few words, for records: {@code the genesisDeploy body}
     */
    public static Hook hosted(HookPhase phase, String what, Duration timeout) {
        return new Hook(phase, null, null, timeout, 0, "", null, what);
    }

    /** Whether the engine's host runs this hook itself. */
    public boolean runsOnHost() {
        return host != null;
    }

    public Hook withTimeout(Duration value) {
        return new Hook(phase, command, webhook, value, retries, junit, minPassRate, host);
    }

    public Hook withRetries(int value) {
        return new Hook(phase, command, webhook, timeout, value, junit, minPassRate, host);
    }

    /** This hook judged by the JUnit reports matching {@code glob} against {@code bar}. */
    public Hook withJunit(String glob, Percentage bar) {
        return new Hook(phase, command, webhook, timeout, retries, glob, bar, host);
    }

    /** Whether this hook is run by the engine's host as a command. */
    public boolean runsCommand() {
        return command != null;
    }

    /** How long the hook may take in all, its retries included. */
    public Duration budget() {
        return timeout.multipliedBy(retries + 1L);
    }

    /** What the hook is, as events and records say it; secrets masked. */
    public String describe() {
        if (host != null) {
            return host;
        }
        return runsCommand()
                ? "command '" + Redaction.text(command) + "'"
                : "webhook " + Redaction.url(webhook) + (retries == 0 ? "" : " (" + retries + " retries)");
    }

    private static void requireWebhook(String field, String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    field + ".webhook is not an address: " + Redaction.url(address) + "; write http(s)://host/path");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    field + ".webhook must be an http or https address with a host, got " + Redaction.url(address));
        }
        if (Redaction.carriesSecret(address)) {
            throw new IllegalArgumentException(field + ".webhook carries a credential (" + Redaction.url(address)
                    + "); records and logs would show it; give the receiver an address without one");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
