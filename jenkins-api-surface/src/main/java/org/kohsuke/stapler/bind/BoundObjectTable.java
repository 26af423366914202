package org.kohsuke.stapler.bind;

import java.io.Serializable;
import org.kohsuke.stapler.StaplerFallback;

/** Objects exported to JavaScript proxies in a session. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public class BoundObjectTable implements StaplerFallback {

    @Override
    public Table getStaplerFallback() {
        throw new UnsupportedOperationException();
    }

    /** The exported objects themselves. */
    public static class Table implements Serializable {}
}
