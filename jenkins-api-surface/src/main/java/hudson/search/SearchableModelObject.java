package hudson.search;

import hudson.model.ModelObject;

/** A model object with a search box. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface SearchableModelObject extends ModelObject, SearchItem {
    Search getSearch();
}
