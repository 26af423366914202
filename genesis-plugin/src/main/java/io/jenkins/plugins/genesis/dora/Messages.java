package io.jenkins.plugins.genesis.dora;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    DISPLAY_NAME;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
