package io.genesis.core.monitor.scrape;

import java.util.Locale;
import java.util.Optional;

/**
 * The two text formats a {@code /metrics} endpoint answers in. The scrape asks for OpenMetrics 1.0
 * first and the Prometheus text format 0.0.4 second ({@link #ACCEPT}), as Prometheus itself
 * negotiates, and parses whichever the endpoint's {@code Content-Type} says it sent.
 */
public enum ExpositionFormat {
    /** The Prometheus text format 0.0.4: {@code text/plain; version=0.0.4}. */
    TEXT,
    /** OpenMetrics 1.0: {@code application/openmetrics-text; version=1.0.0}; ends with {@code # EOF}. */
    OPENMETRICS;

    /** The Accept header of a scrape: OpenMetrics preferred, the text format accepted. */
    public static final String ACCEPT =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /**
     * The format a response's {@code Content-Type} names; a missing one is the text format (old
     * exporters send none), anything that is neither text is empty.
     */
    public static Optional<ExpositionFormat> ofContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(TEXT);
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/openmetrics-text" -> Optional.of(OPENMETRICS);
            case "text/plain" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
