package io.jenkins.plugins.genesis.board;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    JOB_ACTION_DISPLAY_NAME,
    FOLDER_ACTION_DISPLAY_NAME;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
