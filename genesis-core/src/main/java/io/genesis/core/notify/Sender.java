package io.genesis.core.notify;

import java.io.IOException;

/** Sends one request and says the HTTP status it got. */
@FunctionalInterface
public interface Sender {

    /**
     * @return the response's status code
     * @throws IOException when no answer came (refused, reset, timed out); its message must not
     *     quote the address
     */
    int send(Post post) throws IOException;
}
