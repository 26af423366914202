package hudson.search;

import java.util.List;

/** Finds search items by a query token. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface SearchIndex {
    void find(String token, List<SearchItem> result);

    void suggest(String token, List<SearchItem> result);
}
