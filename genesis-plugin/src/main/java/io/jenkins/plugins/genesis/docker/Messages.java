package io.jenkins.plugins.genesis.docker;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    TARGET_DISPLAY_NAME,
    NOT_A_PORT;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
