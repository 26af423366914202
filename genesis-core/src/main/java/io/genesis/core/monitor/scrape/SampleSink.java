package io.genesis.core.monitor.scrape;

import java.util.Map;

/** Receives the samples of an exposition as the parser reads them, one at a time. */
public interface SampleSink {

    /**
     * Whether samples of {@code name} are wanted at all; the parser still checks the rest of such a
     * line, but builds no label map for it.
     */
    default boolean wants(String name) {
        return true;
    }

    /**
     * One sample.
     *
     * @param name the sample's name as written, such as {@code http_requests_total} or
     *     {@code http_request_duration_seconds_bucket}
     * @param labels its labels, unescaped
     * @param value its value; may be NaN or infinite
     */
    void sample(String name, Map<String, String> labels, double value);
}
