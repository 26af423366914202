package io.genesis.core.notify;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP POST a channel sends. Its address may be a secret (a Slack or webhook address), so a
 * {@code Post} is never logged, stored or put into a message; {@link #toString} hides it.
 *
 * @param uri where to
 * @param body the JSON body
 * @param headers extra headers, such as the idempotency key
 */
public record Post(URI uri, byte[] body, Map<String, String> headers) {

    public Post {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "Post[" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Post post
                && uri.equals(post.uri)
                && java.util.Arrays.equals(body, post.body)
                && headers.equals(post.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, java.util.Arrays.hashCode(body), headers);
    }
}
