package io.genesis.cli;

import io.genesis.core.monitor.SampleVerdict;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.time.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Live progress lines for a person watching a rollout: seconds since the command started, then what
 * happened — steps, weights, health, every analysis sample with its measured values, rollbacks.
 */
final class Progress implements RolloutListener {

    private final PrintWriter out;
    private final Clock clock;
    private final Instant start;

    Progress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public void onEvent(RolloutEvent event) {
        line(event.message());
    }

    /** One analysis sample as it was judged: the measured values and how they compare. */
    void sampled(SampleVerdict verdict) {
        Duration length = verdict.window().length();
        line("sample over " + Durations.format(length) + " ("
                + verdict.classification().name().toLowerCase(Locale.ROOT) + "): " + verdict.explainAll());
    }

    /** Prints {@code text}, each of its lines after the time stamp's width. */
    synchronized void line(String text) {
        double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        String stamp = String.format(Locale.ROOT, "[%6.1fs] ", seconds);
        String indent = " ".repeat(stamp.length());
        String[] lines = RecordText.humanTimes(text).split("\n", -1);
        out.println(stamp + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.println(indent + lines[i]);
        }
        out.flush();
    }
}
