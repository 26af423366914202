package hudson.search;

/** Something the search box can find. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; default methods are left out. */
public interface SearchItem {
    String getSearchName();

    String getSearchUrl();

    SearchIndex getSearchIndex();
}
