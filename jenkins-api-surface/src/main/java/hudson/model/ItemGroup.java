package hudson.model;

import java.io.File;
import java.io.IOException;
import java.util.Collection;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import org.springframework.security.access.AccessDeniedException;

/**
 * A container of items, such as Jenkins itself or a folder. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. Every
 * abstract method of the real interface is declared.
 *
 * @param <T> the items
 */
public interface ItemGroup<T extends Item> extends FullyNamed, FullyNamedModelObject, PersistenceRoot {
    Collection<T> getItems();

    String getUrl();

    String getUrlChildPrefix();

    T getItem(String name) throws AccessDeniedException;

    File getRootDirFor(T child);

    void onDeleted(T item) throws IOException;
}
