package io.jenkins.plugins.genesis.gate;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    STEP_DISPLAY_NAME,
    REQUIRED_TEST_DISPLAY_NAME,
    CRITICALITY_DISPLAY_NAME,
    CRITICALITY_TWICE,
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
    JUNIT_SEVERAL_ACTIONS,
    HEADLINE,
    GATE_FAILED,
    FORCE_NOT_PERMITTED,
    CHECK_NAME,
    CHECK_TITLE,
    CHECK_TESTS,
    CHECK_COVERAGE,
    CHECK_FORCED,
    CHECK_TABLE_HEADER,
    CHECK_NOT_PUBLISHED,
    FORCED_BY,
    FORCED_WARNING,
    VALUE_REQUIRED,
    NOT_A_NUMBER;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
