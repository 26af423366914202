package io.genesis.core.monitor;

import java.util.Locale;

/** The unit a metric is measured in, and how its values read. */
public enum Unit {
    /** A share from 0 to 100: {@code 0.42 %}. */
    PERCENT {
        @Override
        public String format(double value) {
            return String.format(Locale.ROOT, "%.2f %%", value);
        }

        @Override
        public boolean accepts(double value) {
            return value >= 0 && value <= 100;
        }
    },
    /** Milliseconds: {@code 312 ms}. */
    MILLISECONDS {
        @Override
        public String format(double value) {
            return String.format(Locale.ROOT, "%.0f ms", value);
        }

        @Override
        public boolean accepts(double value) {
            return value >= 0;
        }
    };

    /** The value with its unit, independent of the platform locale. */
    public abstract String format(double value);

    /** Whether {@code value} can be measured in this unit at all. */
    public abstract boolean accepts(double value);
}
