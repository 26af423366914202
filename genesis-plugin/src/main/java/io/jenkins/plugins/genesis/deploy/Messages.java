package io.jenkins.plugins.genesis.deploy;

import io.jenkins.plugins.genesis.Localization;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    DEPLOY_DISPLAY_NAME,
    ROLLBACK_DISPLAY_NAME,
    ACTION_DISPLAY_NAME,
    DEPLOY_USAGE_PROBLEM,
    ROLLBACK_USAGE_PROBLEM,
    NOT_PERMITTED,
    TARGET_REQUIRED,
    NOTHING_TO_ROLL_BACK,
    ROLLED_BACK_WARNING,
    ENGINE_NOT_RUNNING,
    UNKNOWN_TARGET_KIND,
    MONITOR_DISPLAY_NAME;

    String format(Object... arguments) {
        return Localization.format(this, arguments);
    }
}
