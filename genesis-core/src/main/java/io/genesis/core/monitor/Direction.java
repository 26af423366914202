package io.genesis.core.monitor;

/** Whether a larger or a smaller value of a metric is better; thresholds are read accordingly. */
public enum Direction {
    /** Error rate, latency: a value above the threshold is a breach. */
    LOWER_IS_BETTER(">") {
        @Override
        public boolean isWorse(double value, double bound) {
            return value > bound;
        }
    },
    /** Availability, pass rate: a value below the threshold is a breach. */
    HIGHER_IS_BETTER("<") {
        @Override
        public boolean isWorse(double value, double bound) {
            return value < bound;
        }
    };

    private final String breachSymbol;

    Direction(String breachSymbol) {
        this.breachSymbol = breachSymbol;
    }

    /** Whether {@code value} is strictly worse than {@code bound}. */
    public abstract boolean isWorse(double value, double bound);

    /** The worse of two values. */
    public double worse(double a, double b) {
        return isWorse(a, b) ? a : b;
    }

    /** {@code >} or {@code <}: how a breach reads, as in {@code error rate 1.20 % > 1.00 %}. */
    public String breachSymbol() {
        return breachSymbol;
    }
}
