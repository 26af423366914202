package org.kohsuke.stapler;

import java.util.Collection;

/** An object whose views and URLs other objects may override. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface StaplerOverridable {
    Collection<?> getOverrides();
}
