package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.util.Collection;
import jenkins.model.Badgeable;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;

/**
 * A view of items, such as a tab of Jenkins' or a folder's front page. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}. Here because {@link ViewGroup}'s methods name it; only
 * Jenkins creates views, so no constructor is declared.
 */
public abstract class View extends AbstractModelObject
        implements AccessControlled,
                Describable<View>,
                ExtensionPoint,
                Saveable,
                ModelObjectWithChildren,
                DescriptorByNameOwner,
                HasWidgets,
                Badgeable {

    private View() {}

    public abstract Collection<TopLevelItem> getItems();

    public abstract boolean contains(TopLevelItem item);
}
