package io.jenkins.plugins.genesis.monitor;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    MONITOR_DISPLAY_NAME,
    WATCH_ACTION_DISPLAY_NAME,
    MONITOR_USAGE_PROBLEM,
    WATCH_FAILED_WARNING,
    MONITOR_NOT_RUNNING,
    WATCH_STOP_NO_REASON,
    WATCH_STOP_UNKNOWN,
    WATCH_STOP_ENDED,
    WATCH_STOPPED,
    WATCH_STOP_STORED;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
