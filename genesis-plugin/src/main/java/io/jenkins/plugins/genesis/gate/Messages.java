package io.jenkins.plugins.genesis.gate;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    STEP_DISPLAY_NAME,
    REQUIRED_TEST_DISPLAY_NAME,
    ACTION_DISPLAY_NAME,
    SOURCE_REPORTS,
    SOURCE_JUNIT,
    UNKNOWN_SOURCE,
    TESTS_REQUIRED,
    TESTS_WITH_JUNIT,
    REQUIRED_WITH_JUNIT,
    USAGE_PROBLEM,
    JUNIT_NOTE,
    JUNIT_NONE_NOTE,
    JUNIT_COUNTS_INVALID,
    HEADLINE,
    GATE_FAILED,
    VALUE_REQUIRED,
    NOT_A_NUMBER;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
