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

    /**
     * Runs one operation and adds the CPU time it took, also when it throws. Package-private: JMH
     * takes every public method of an {@code @AuxCounters} class for a counter.
     *
     * @param <T> what the operation returns
     * @param <E> what it may throw
     * @param operation the work to time
     * @return the operation's result, for the benchmark to return so the work cannot be optimised
     *     away
     * @throws E when the operation throws
     */
    <T, E extends Exception> T time(Operation<T, E> operation) throws E {
        long started = OS.getProcessCpuTime();
        try {
            return operation.run();
        } finally {
            cpuNanos += OS.getProcessCpuTime() - started;
            operations++;
        }
    }

    /**
     * One timed operation; unlike {@link java.util.concurrent.Callable} it names the one checked
     * exception it throws, so a benchmark method keeps its own {@code throws} clause.
     *
     * @param <T> what it returns
     * @param <E> what it may throw
     */
    @FunctionalInterface
    interface Operation<T, E extends Exception> {

        /**
         * Does the work.
         *
         * @return the result
         * @throws E when the work fails
         */
        T run() throws E;
    }
}
