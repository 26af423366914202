package org.jenkins.ui.icon;

/** Something shown with an icon. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface IconSpec {
    String getIconClassName();
}
