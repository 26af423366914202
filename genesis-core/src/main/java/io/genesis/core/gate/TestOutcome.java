package io.genesis.core.gate;

/** How one test ended, after any reruns. */
public enum TestOutcome {
    PASSED("passed"),
    SKIPPED("skipped"),
    FAILED("failed"),
    ERROR("error");

    private final String label;

    TestOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The outcome of a test that reported both: an error beats a failure, which beats a skip. A
     * pytest test that fails and then errors in teardown is one test, and it did not pass.
     */
    public TestOutcome worse(TestOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
