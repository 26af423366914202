package org.kohsuke.stapler;

/** One object on the path from the root to the object a request resolved to. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface Ancestor {
    Object getObject();

    String getUrl();

    String getRestOfUrl();

    String getNextToken(int n);

    String getFullUrl();

    String getRelativePath();

    Ancestor getPrev();

    Ancestor getNext();
}
