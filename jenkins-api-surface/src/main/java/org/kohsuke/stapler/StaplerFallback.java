package org.kohsuke.stapler;

/** An object that hands URL resolution to another object when it has no match. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface StaplerFallback {
    Object getStaplerFallback();
}
