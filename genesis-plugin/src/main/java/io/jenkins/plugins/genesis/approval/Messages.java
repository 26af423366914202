package io.jenkins.plugins.genesis.approval;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    ACTION_DISPLAY_NAME,
    PAUSE_CAUSE,
    NO_BUILD,
    NOT_ATTACHED,
    NOT_CONNECTED,
    LOG_IN,
    NO_LONGER_WAITING,
    REFUSED,
    ENGINE_NOT_WAITING,
    ENGINE_FAILED,
    CONSOLE_REQUESTED,
    CONSOLE_WITHDRAWN,
    CONSOLE_ANSWERED;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
