package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import java.util.Collection;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

/**
 * A job, folder or other item in Jenkins' tree. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. Every abstract
 * method of the real interface is declared; of its permissions only {@link #READ} and {@link #CONFIGURE}.
 */
public interface Item
        extends PersistenceRoot,
                FullyNamedModelObject,
                SearchableModelObject,
                FullyNamed,
                Named,
                AccessControlled,
                OnMaster {

    /** The permission to see an item. */
    Permission READ = null;

    /** The permission to change an item's configuration. */
    Permission CONFIGURE = null;

    /** Start a build of the item. */
    Permission BUILD = null;

    ItemGroup<? extends Item> getParent();

    @SuppressWarnings("rawtypes")
    Collection<? extends Job> getAllJobs();

    @Override
    String getName();

    @Override
    String getFullName();

    @Override
    String getDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    @Override
    void save() throws IOException;

    void delete() throws IOException, InterruptedException;
}
