package io.jenkins.plugins.genesis;

/** The keys of this package's {@code Messages.properties}. */
enum Messages {
    PERMISSIONS_TITLE,
    DEPLOY_PERMISSION_DESCRIPTION,
    FORCE_PERMISSION_DESCRIPTION,
    ROLLBACK_PERMISSION_DESCRIPTION;
}
