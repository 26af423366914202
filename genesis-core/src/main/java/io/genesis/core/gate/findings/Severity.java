package io.genesis.core.gate.findings;

import java.util.Locale;
import java.util.Optional;

/**
 * How severe a security finding is, on GitHub code scanning's scale. A SARIF
 * {@code security-severity} score maps as GitHub maps it (9.0 and above critical, as in CVSS;
 * 7.0 to 8.9 high; 4.0 to 6.9 medium; 0.1 to 3.9 low); without a score, the SARIF {@code level}
 * does: {@code error} high, {@code warning} medium, {@code note} low.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** {@code critical}, {@code high}, ... as configuration and messages spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The severity of a CVSS-like score from 0 to 10; empty for 0 (nothing to report).
     *
     * @throws IllegalArgumentException when the score is not between 0 and 10
     */
    public static Optional<Severity> ofScore(double score) {
        if (!(score >= 0 && score <= 10)) {
            throw new IllegalArgumentException("a security severity score is between 0 and 10, got " + score);
        }
        if (score >= 9.0) {
            return Optional.of(CRITICAL);
        } else if (score >= 7.0) {
            return Optional.of(HIGH);
        } else if (score >= 4.0) {
            return Optional.of(MEDIUM);
        } else if (score > 0) {
            return Optional.of(LOW);
        }
        return Optional.empty();
    }

    /**
     * The severity of a SARIF {@code level}: {@code error}, {@code warning}, {@code note}; empty for
     * {@code none} (not a problem).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Optional<Severity> ofSarifLevel(String level) {
        return switch (level) {
            case "error" -> Optional.of(HIGH);
            case "warning" -> Optional.of(MEDIUM);
            case "note" -> Optional.of(LOW);
            case "none" -> Optional.empty();
            default ->
                throw new IllegalArgumentException(
                        "SARIF level '" + level + "' is not one of error, warning, note, none");
        };
    }

    /** The severity a tool names ({@code HIGH}, {@code moderate}, ...), or empty when it names none. */
    public static Optional<Severity> ofName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> Optional.of(CRITICAL);
            case "high", "error" -> Optional.of(HIGH);
            case "medium", "moderate", "warning" -> Optional.of(MEDIUM);
            case "low", "note", "info" -> Optional.of(LOW);
            default -> Optional.empty();
        };
    }
}
