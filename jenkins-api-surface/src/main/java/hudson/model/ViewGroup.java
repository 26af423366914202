package hudson.model;

import hudson.security.AccessControlled;
import hudson.views.ViewsTabBar;
import java.io.IOException;
import java.util.Collection;

/**
 * An object that holds views, such as Jenkins itself or a folder. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}. Here as a supertype of folders; every abstract method of the
 * real interface is declared.
 */
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {

    boolean canDelete(View view);

    void deleteView(View view) throws IOException;

    Collection<View> getViews();

    View getView(String name);

    String getUrl();

    void onViewRenamed(View view, String oldName, String newName);

    ViewsTabBar getViewsTabBar();
}
