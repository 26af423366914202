package org.kohsuke.stapler;

/** An object that hands a request to another object. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface StaplerProxy {
    Object getTarget();
}
