package com.example.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Formats prices; VERSION=2 is the "new release", slower on purpose in {@code joined}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PriceFormat {

    @Param({"8", "64"})
    int items;

    long[] cents;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        cents = new long[items];
        for (int i = 0; i < items; i++) {
            cents[i] = 1999L * (i + 1);
        }
    }

    @Benchmark
    public String joined() {
        StringBuilder out = new StringBuilder();
        for (long c : cents) {
            if (Integer.getInteger("version", 1) >= 2) {
                out.append(String.format("%d.%02d", c / 100, c % 100)).append(';');
            } else {
                out.append(c / 100).append('.').append(c % 100 < 10 ? "0" : "").append(c % 100).append(';');
            }
        }
        return out.toString();
    }

    @Benchmark
    public long total() {
        long sum = 0;
        for (long c : cents) {
            sum += c;
        }
        return sum;
    }
}
