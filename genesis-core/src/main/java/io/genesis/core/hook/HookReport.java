package io.genesis.core.hook;

import java.util.Objects;

/**
 * How one hook run ended, as its runner saw it; the engine adds the timing and, for reports, the
 * gate's reading.
 *
 * @param passed whether it succeeded (exit 0, a 2xx answer)
 * @param exitCode the command's exit code or the webhook's last HTTP status, or {@code null} when there was none
 * @param detail what happened, in a few words, secrets masked
 * @param output the last lines of its output or answer, bounded and with secrets masked
 * @param reading the gate's reading of the JUnit reports it wrote, or empty when none were to be judged
 */
public record HookReport(boolean passed, Integer exitCode, String detail, String output, String reading) {

    public HookReport {
        Objects.requireNonNull(detail, "detail");
        output = output == null ? "" : output;
        reading = reading == null ? "" : reading;
    }

    /** A report with nothing judged from reports. */
    public HookReport(boolean passed, Integer exitCode, String detail, String output) {
        this(passed, exitCode, detail, output, "");
    }
}
