package org.kohsuke.stapler.export;

/** An object the remote API serves as another object. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public interface CustomExportedBean {
    Object toExportedObject();
}
