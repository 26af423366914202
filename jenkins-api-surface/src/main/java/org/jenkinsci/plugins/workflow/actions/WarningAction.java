package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/**
 * Marks a Pipeline node (and so its stage) with a result worse than success, such as unstable,
 * without failing it; stage views show it. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_}.
 */
public class WarningAction implements PersistentAction {

    public WarningAction(Result result) {
        throw new UnsupportedOperationException();
    }

    /** The same action with a message saying why. */
    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
