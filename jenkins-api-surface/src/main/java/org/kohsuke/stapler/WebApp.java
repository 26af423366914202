package org.kohsuke.stapler;

/** The per-application state of Stapler. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public class WebApp {

    private WebApp() {
        throw new UnsupportedOperationException();
    }
}
