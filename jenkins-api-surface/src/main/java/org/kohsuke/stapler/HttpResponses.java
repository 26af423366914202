package org.kohsuke.stapler;

/** Ready-made HTTP responses of web methods. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
public class HttpResponses {

    public HttpResponses() {
        throw new UnsupportedOperationException();
    }

    /** Redirects to {@code .}, the page of the object whose web method answered. */
    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException();
    }
}
