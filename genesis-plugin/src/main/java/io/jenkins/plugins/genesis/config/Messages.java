package io.jenkins.plugins.genesis.config;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    CONFIGURATION_DISPLAY_NAME,
    ENVIRONMENT_DISPLAY_NAME,
    VALUE_REQUIRED,
    NOT_A_NUMBER,
    NOT_WHOLE_MINUTES,
    INVALID_ENVIRONMENT,
    CRITICALITY_DISPLAY_NAME,
    CRITICALITY_DEFAULT,
    NOT_WHOLE_FINDINGS,
    FINDINGS_DISPLAY_NAME,
    NOT_WHOLE_HOURS,
    NOTIFICATION_TARGET_DISPLAY_NAME,
    FREEZE_WINDOW_DISPLAY_NAME,
    WATCH_THRESHOLDS_DISPLAY_NAME,
    RETENTION_DISPLAY_NAME,
    METRIC_BOUNDS_DISPLAY_NAME;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
