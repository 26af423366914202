package hudson.model;

import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.search.SearchableModelObject;

/** The base of Jenkins' model objects. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class AbstractModelObject implements SearchableModelObject {

    /** The search index of this object. */
    @Override
    public final SearchIndex getSearchIndex() {
        throw new UnsupportedOperationException();
    }

    /** The search of this object. */
    @Override
    public Search getSearch() {
        throw new UnsupportedOperationException();
    }

    /** The name this object is found by. */
    @Override
    public String getSearchName() {
        throw new UnsupportedOperationException();
    }
}
