package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.ItemGroup;
import hudson.model.ModifiableViewGroup;
import hudson.model.TopLevelItem;
import jenkins.model.ModelObjectWithChildren;
import org.jenkins.ui.icon.IconSpec;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerOverridable;

/**
 * The base of folders: plain folders, multibranch projects (whose items are the branch jobs) and
 * organization folders. Mirrors {@code org.jenkins-ci.plugins:cloudbees-folder} at tag
 * {@code 6.1100.ve9eed61d16c4}. Here as the type Genesis' folder board is added to; only Jenkins
 * creates folders, so no constructor is declared.
 *
 * @param <I> the type of the folder's items
 */
public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem
        implements TopLevelItem,
                ItemGroup<I>,
                ModifiableViewGroup,
                StaplerFallback,
                ModelObjectWithChildren,
                StaplerOverridable,
                IconSpec {

    private AbstractFolder() {
        super(null, null);
    }
}
