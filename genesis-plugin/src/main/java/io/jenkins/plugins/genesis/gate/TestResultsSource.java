package io.jenkins.plugins.genesis.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the gate takes its test results from. */
public enum TestResultsSource {
    /** The JUnit XML reports the {@code tests} patterns match, read on the agent by the engine. */
    REPORTS("reports", Messages.SOURCE_REPORTS),
    /**
     * What the {@code junit} step recorded for this build. The JUnit plugin counts errors as
     * failures, adds up every {@code junit} call of the build, and keeps no flaky reruns apart.
     */
    JUNIT("junit", Messages.SOURCE_JUNIT);

    private final String id;
    private final Messages displayName;

    TestResultsSource(String id, Messages displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The value a Pipeline script writes: {@code reports} or {@code junit}. */
    public String id() {
        return id;
    }

    String displayName() {
        return displayName.format();
    }

    /**
     * The source called {@code id}, case-insensitively; blank means {@link #REPORTS}.
     *
     * @throws IllegalArgumentException naming the known sources
     */
    public static TestResultsSource named(String id) {
        if (id == null || id.isBlank()) {
            return REPORTS;
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(source -> source.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Messages.UNKNOWN_SOURCE.format(
                        id, Arrays.stream(values()).map(TestResultsSource::id).collect(Collectors.joining(", ")))));
    }
}
