package org.kohsuke.stapler;

/** An object that can be deleted with an HTTP DELETE. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; its methods are default ones. */
public interface HttpDeletable {}
