package io.genesis.benchmarks.gate;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark JVM's CPU time per operation, next to JMH's wall-clock time. On a machine shared
 * with other work, wall-clock time grows with everybody else's load, while the CPU time the JVM
 * spends (the reading thread plus its garbage collector and compiler threads) barely changes, so it
 * is the steadier figure for comparing readers. JMH sums both counters over each iteration;
 * {@code cpuNanos / operations} is the CPU time of one operation.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuClock {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuNanos;
    private long operations;

    private long started;

    /** Starts every iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        operations = 0;
    }

    /**
     * Process CPU nanoseconds spent in this iteration's operations; a JMH counter.
     *
     * @return nanoseconds
     */
    public long cpuNanos() {
        return cpuNanos;
    }

    /**
     * Operations timed in this iteration; a JMH counter.
     *
     * @return the count
     */
    public long operations() {
        return operations;
    }

    /** Marks the start of one operation. */
    public void start() {
        started = OS.getProcessCpuTime();
    }

    /** Adds the CPU time since {@link #start()}. */
    public void stop() {
        cpuNanos += OS.getProcessCpuTime() - started;
        operations++;
    }
}
