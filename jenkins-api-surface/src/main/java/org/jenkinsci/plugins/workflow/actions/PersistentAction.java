package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** An action kept with its Pipeline node. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_}. */
public interface PersistentAction extends Action {}
