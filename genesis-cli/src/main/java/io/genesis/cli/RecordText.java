package io.genesis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.approval.Actor;
import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HookRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.time.Durations;
import io.genesis.core.time.TimeJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deployment records as people read them in a terminal: one line each, or every phase. */
final class RecordText {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RecordText() {}

    /** An engine time as stored (ISO-8601), in text written for the store, wherever it stands. */
    private static final Pattern ISO_INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /**
     * {@code text} with every ISO-8601 time in it ({@code 2026-11-27T21:05:29.179181134Z}, as the engine
     * writes times into reasons and notes) in the one format people read everywhere else
     * ({@code 2026-11-27 21:05:29Z}). Only for terminals: JSON keeps the stored text.
     */
    static String humanTimes(String text) {
        if (text == null || text.indexOf('T') < 0) {
            return text;
        }
        return ISO_INSTANT
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(time(Instant.parse(match.group()))));
    }

    /** How {@code record} ended, as a person reads it. */
    static String reason(DeploymentRecord record) {
        return humanTimes(record.reason());
    }

    /** {@code 42.1 s}: how long a rollout took. */
    static String took(DeploymentRecord record) {
        return seconds(Duration.between(record.startedAt(), record.endedAt()));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** {@code record} as one JSON object on one line: what {@code --json} prints, for scripts. */
    static String json(DeploymentRecord record) {
        try {
            return TimeJson.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the record as JSON", e);
        }
    }

    /** Below the line that ends a rollout or rollback: how soon traffic was back, when it was rolled back. */
    static void restoreTime(DeploymentRecord record, PrintWriter out) {
        record.restoreTime()
                .ifPresent(d -> out.println("  traffic was back on the stable version " + Durations.format(d)
                        + " after the rollback was triggered"));
    }

    /** A table of records, newest first as given, with a header. */
    static void table(List<DeploymentRecord> records, PrintWriter out) {
        String format = "%-20s  %-12s  %-11s  %-10s  %-7s  %-9s  %-11s  %8s  %s%n";
        out.printf(
                Locale.ROOT,
                format,
                "ENDED",
                "APPLICATION",
                "ENVIRONMENT",
                "VERSION",
                "COMMIT",
                "STRATEGY",
                "STATUS",
                "TOOK",
                "ROLLOUT / REASON");
        for (DeploymentRecord record : records) {
            out.printf(
                    Locale.ROOT,
                    format,
                    time(record.endedAt()),
                    record.application(),
                    record.environment(),
                    record.version(),
                    record.commit().substring(0, Math.min(7, record.commit().length())),
                    record.strategy(),
                    record.status(),
                    took(record),
                    record.id() + ": " + reason(record)
                            + record.restoreTime()
                                    .map(d -> " (traffic restored in " + Durations.format(d) + ")")
                                    .orElse(""));
        }
    }

    /** Every phase, analysis and note of {@code record}. */
    static void details(DeploymentRecord record, PrintWriter terminal) {
        // Phases and notes quote the engine's times too: every line in the one format people read.
        PrintWriter out = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                terminal.write(humanTimes(new String(text, offset, length)));
            }

            @Override
            public void flush() {
                terminal.flush();
            }

            @Override
            public void close() {
                terminal.flush();
            }
        });
        out.println(record.id() + "  " + record.application() + " " + record.version() + " to " + record.environment()
                + " with " + record.strategy() + " on " + record.target() + ": " + record.status());
        out.println("  commit " + record.commit()
                + record.committedAt().map(date -> " (made " + time(date) + ")").orElse("")
                + " from " + record.ref() + ", started by "
                + Actor.describe(record.initiator(), record.initiatorAccount())
                + (record.build().isEmpty() ? "" : " in " + record.build())
                + record.builtAt().map(date -> " (built " + time(date) + ")").orElse("")
                + " at " + time(record.startedAt())
                + ", ended " + time(record.endedAt()) + " (" + took(record) + ")");
        out.println("  reason: " + reason(record));
        for (PhaseRecord phase : record.phases()) {
            // Phases outside the plan (the rollback) carry step 0; their description repeats the reason.
            String name = phase.step() == 0 ? phase.kind() : phase.step() + ". " + phase.description();
            out.println("  " + name + ": " + (phase.outcome().isEmpty() ? "(open)" : phase.outcome())
                    + (phase.detail().isEmpty() ? "" : " - " + phase.detail()));
        }
        for (AnalysisRecord analysis : record.analyses()) {
            out.println("  analysis at step " + analysis.step() + ": " + analysis.outcome() + ", " + analysis.samples()
                    + " sample(s) (" + analysis.ok() + " ok, " + analysis.warnings() + " warning, "
                    + analysis.critical() + " critical, " + analysis.inconclusive() + " inconclusive); "
                    + analysis.reason());
        }
        for (HookRecord hook : record.hooks()) {
            out.println("  " + hook.phase() + " hook " + hook.outcome() + " after " + Durations.format(hook.duration())
                    + (hook.exitCode() == null ? "" : " (exit " + hook.exitCode() + ")") + ": " + hook.hook()
                    + (hook.detail().isEmpty() ? "" : " - " + hook.detail())
                    + (hook.reading().isEmpty() ? "" : "; " + hook.reading()));
            if (!hook.output().isEmpty()) {
                hook.output().lines().forEach(line -> out.println("    | " + line));
            }
        }
        record.approvals()
                .forEach(approval -> out.println("  " + (approval.approved() ? "approved" : "rejected") + " by "
                        + Actor.describe(approval.by(), approval.account()) + " at " + time(approval.at())
                        + (approval.comment().isEmpty() ? "" : ": " + approval.comment())));
        record.notes().forEach(note -> out.println("  note: " + note));
        record.restoreTime()
                .ifPresent(d ->
                        out.println("  traffic restored " + Durations.format(d) + " after the rollback was triggered"));
        out.flush();
    }
}
