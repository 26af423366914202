package org.kohsuke.stapler;

/**
 * An object that can render itself as the answer to a web request. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; its
 * methods are default methods the plugin does not call, so none is declared.
 */
public interface HttpResponse {}
