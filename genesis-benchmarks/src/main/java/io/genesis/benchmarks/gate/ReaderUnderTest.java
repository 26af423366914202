package io.genesis.benchmarks.gate;

import io.genesis.core.gate.ReportException;
import java.util.function.BiConsumer;

/**
 * One of our readers as the benchmarks run it: on a set's files on disk, on the same files already
 * in memory, and checked against what the generator wrote.
 *
 * @param <T> the totals the reader produces
 * @param fromDisk reads the set's files of the reader's format
 * @param fromMemory reads the same files, already in memory
 * @param agreement throws unless the totals are what the generator wrote
 */
public record ReaderUnderTest<T>(
        Read<ReportSetState, T> fromDisk, Read<InMemorySet, T> fromMemory, BiConsumer<T, ReportSetTotals> agreement) {

    /** {@code JUnitReportReader} on the Surefire files. */
    public static final ReaderUnderTest<TestTotals> JUNIT = new ReaderUnderTest<>(
            set -> GenesisReaders.junit(set.surefireFiles()),
            memory -> GenesisReaders.junitFromMemory(memory.surefireReports()),
            Agreement::genesisJunit);

    /** {@code JacocoReportReader} on the JaCoCo report. */
    public static final ReaderUnderTest<CoverageCounts> JACOCO = new ReaderUnderTest<>(
            set -> GenesisReaders.jacoco(set.jacocoReport()),
            memory -> GenesisReaders.jacocoFromMemory(memory.jacocoReport()),
            Agreement::genesisJacoco);

    /**
     * Reads a set, or its contents, to totals.
     *
     * @param <S> what is read
     * @param <T> the totals
     */
    @FunctionalInterface
    public interface Read<S, T> {

        /**
         * Reads {@code source}.
         *
         * @param source the set, on disk or in memory
         * @return the totals
         * @throws ReportException when our reader rejects a file
         */
        T from(S source) throws ReportException;
    }
}
