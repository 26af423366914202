package io.genesis.core.monitor;

import java.util.Set;

/**
 * Where measurements come from: the Prometheus HTTP API, a scraped {@code /metrics} endpoint, a
 * health probe, a proxy's statistics. A narrow, read-only port: sampling twice is harmless.
 */
public interface MetricSource {

    /** A short description for logs, such as {@code prometheus http://prometheus:9090}. */
    String describe();

    /** The metrics this source can measure; only these are analysed. */
    Set<Metric> metrics();

    /**
     * Measures the candidate over {@code window}. A metric without data is left out of the
     * result; a source that cannot answer at all (an error, a timeout) throws.
     */
    MetricReadings sample(MetricWindow window);
}
