package hudson.views;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** How a {@link hudson.model.ViewGroup} shows its views as tabs. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class ViewsTabBar implements Describable<ViewsTabBar>, ExtensionPoint {}
