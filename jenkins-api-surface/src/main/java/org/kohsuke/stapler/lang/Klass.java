package org.kohsuke.stapler.lang;

/**
 * A class as Stapler navigates it. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only.
 *
 * @param <C> the class representation
 */
public final class Klass<C> {

    private Klass() {
        throw new UnsupportedOperationException();
    }
}
