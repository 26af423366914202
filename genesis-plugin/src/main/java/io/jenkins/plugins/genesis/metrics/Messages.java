package io.jenkins.plugins.genesis.metrics;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    PROMETHEUS_DISPLAY_NAME,
    SCRAPE_DISPLAY_NAME,
    WEB_DISPLAY_NAME,
    PROBE_DISPLAY_NAME,
    SECRET_HEADER_DISPLAY_NAME,
    CREDENTIAL_MISSING,
    CREDENTIAL_NO_BUILD,
    TESTS_DISPLAY_NAME;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
