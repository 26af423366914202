package io.genesis.core.monitor;

import java.util.Objects;

/**
 * One metric's value in one sample, how it compares with its thresholds, and why.
 *
 * @param metric the metric
 * @param value the measured value, or {@code null} when there was no data
 * @param classification how it compares
 * @param rollback whether the value is past the automatic-rollback bound
 * @param explanation one line with the measured value and the bound, such as
 *     {@code error rate 1.20 % > 1.00 % critical}
 */
public record Reading(
        Metric metric, Double value, Classification classification, boolean rollback, String explanation) {

    public Reading {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(explanation, "explanation");
    }
}
