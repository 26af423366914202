package io.genesis.core.monitor;

import io.genesis.core.secret.Redaction;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Checks the http(s) address of a metric source before it is stored with a rollout. */
public final class MetricAddress {

    private MetricAddress() {}

    /**
     * {@code text} as an address, or a clear refusal naming {@code what} and an {@code example}.
     * Credentials in the address are refused first and never repeated: the address is stored with
     * the rollout and shown in logs.
     */
    public static URI require(String what, String text, String example) {
        if (Redaction.carriesSecret(text)) {
            throw credentials(what);
        }
        URI url;
        try {
            url = URI.create(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            // The parser's message may quote the text; say only where the problem is.
            throw new IllegalArgumentException(what + " url is not an address (such as " + example + ")", e);
        }
        return require(what, url, example);
    }

    /** {@code url} if it is an http or https address without credentials, else a clear refusal. */
    public static URI require(String what, URI url, String example) {
        if (url != null && (url.getRawUserInfo() != null || Redaction.carriesSecret(url.toString()))) {
            throw credentials(what);
        }
        if (url == null
                || url.getHost() == null
                || !Set.of("http", "https")
                        .contains(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " url must be an http or https address with a host, such as "
                    + example + "; got '" + Redaction.url(String.valueOf(url)) + "'");
        }
        return url;
    }

    private static IllegalArgumentException credentials(String what) {
        return new IllegalArgumentException(what + " url must not carry credentials (user:password@, or a token,"
                + " key, password or signature parameter); use an address that needs none");
    }
}
