package io.genesis.core.history.dora;

import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One chart of a figure over the periods: a bar per period, drawn as inline SVG by this code (no
 * script, no library), in the figure's own colour, so that a reader of a screenshot can find it.
 */
public enum DoraChart {
    DEPLOYMENTS("Deployments", "#2e7d32") {
        @Override
        OptionalDouble value(DoraFigures figures) {
            return OptionalDouble.of(figures.deployments());
        }

        @Override
        String label(double value) {
            return String.valueOf(Math.round(value));
        }
    },
    LEAD_TIME("Lead time (median)", "#1565c0") {
        @Override
        OptionalDouble value(DoraFigures figures) {
            return seconds(figures.leadTime());
        }

        @Override
        String label(double value) {
            return Durations.format(Duration.ofMillis(Math.round(value * 1000)));
        }
    },
    CHANGE_FAILURE_RATE("Change-failure rate", "#c62828") {
        @Override
        OptionalDouble value(DoraFigures figures) {
            return figures.changeFailureRate();
        }

        @Override
        String label(double value) {
            return DoraText.percent(value);
        }
    },
    TIME_TO_RESTORE("Time to restore (median)", "#ef6c00") {
        @Override
        OptionalDouble value(DoraFigures figures) {
            return seconds(figures.timeToRestore());
        }

        @Override
        String label(double value) {
            return Durations.format(Duration.ofMillis(Math.round(value * 1000)));
        }
    };

    /** The size of every chart, in CSS pixels. */
    public static final int WIDTH = 360;

    public static final int HEIGHT = 180;

    private static final int TOP = 28;
    private static final int BOTTOM = 24;
    private static final int LEFT = 8;

    private final String title;
    private final String colour;

    DoraChart(String title, String colour) {
        this.title = title;
        this.colour = colour;
    }

    /** The figure for one period, or empty when there is nothing to show. */
    abstract OptionalDouble value(DoraFigures figures);

    /** A value as people read it. */
    abstract String label(double value);

    public String title() {
        return title;
    }

    /** The bars' colour, {@code #rrggbb}. */
    public String colour() {
        return colour;
    }

    /** {@code deployments}: the chart's name in the page (its {@code data-figure}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This chart of {@code periods} as one {@code <svg>} element. */
    public String svg(List<DoraFigures> periods) {
        double max = 0;
        boolean measured = false;
        for (DoraFigures period : periods) {
            measured |= value(period).isPresent();
            max = Math.max(max, value(period).orElse(0));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dora-chart\" data-figure=\"")
                .append(id())
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\">");
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" class=\"dora-chart-title\">");
        svg.append(Html.escape(title + (measured ? " (highest " + label(max) + ")" : " (no data)")));
        svg.append("</text>");
        int plot = HEIGHT - TOP - BOTTOM;
        int baseline = HEIGHT - BOTTOM;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9e9e9e\"/>",
                LEFT,
                baseline,
                WIDTH - LEFT,
                baseline));
        double slot = (WIDTH - 2.0 * LEFT) / Math.max(periods.size(), 1);
        for (int i = 0; i < periods.size(); i++) {
            DoraFigures period = periods.get(i);
            OptionalDouble value = value(period);
            double x = LEFT + i * slot + slot * 0.15;
            String when = period.span().first().toString();
            if (value.isPresent() && max > 0 && value.getAsDouble() > 0) {
                double height = plot * value.getAsDouble() / max;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s: %s</title></rect>",
                        x,
                        baseline - height,
                        slot * 0.7,
                        height,
                        colour,
                        Html.escape(when),
                        Html.escape(label(value.getAsDouble()))));
            }
            if (i == 0 || i == periods.size() - 1) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" class=\"dora-chart-axis\"%s>%s</text>",
                        i == 0 ? x : x + slot * 0.7,
                        HEIGHT - 8,
                        i == 0 ? "" : " text-anchor=\"end\"",
                        Html.escape(when)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static OptionalDouble seconds(Spread spread) {
        return spread.medianValue()
                .map(median -> OptionalDouble.of(median.toMillis() / 1000.0))
                .orElse(OptionalDouble.empty());
    }
}
