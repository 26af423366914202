package io.genesis.kubernetes.connect;

import io.fabric8.kubernetes.client.Config;
import io.genesis.core.secret.Redaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a credential travels to the API server. A bearer token, a password or an auth provider over
 * plain {@code http} is readable by anyone on the way, so it is refused unless the settings allow it
 * and the server is on this machine's loopback. A connection that does not verify the server's TLS
 * certificate ({@code insecure-skip-tls-verify}) is allowed, as kubectl allows it, but said out loud.
 */
final class Transport {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Transport() {}

    /** Refuses {@code config} when it would send a credential over plain http that is not allowed. */
    static void check(Config config, ClientSettings settings) {
        URI server = URI.create(config.getMasterUrl());
        if (!"http".equalsIgnoreCase(server.getScheme()) || !carriesCredential(config)) {
            return;
        }
        String shown = Redaction.url(config.getMasterUrl());
        if (!settings.insecureHttpAllowed()) {
            throw new IllegalArgumentException("the API server " + shown + " is plain http, and the connection"
                    + " would send a credential there unencrypted; fix: use its https address, or, for a"
                    + " development cluster on this machine only, allow it with --allow-insecure-http"
                    + " (setting allowInsecureHttp: true)");
        }
        if (!isLoopback(server.getHost())) {
            throw new IllegalArgumentException("the API server " + shown + " is plain http on a host that is not"
                    + " this machine's loopback; insecure http is allowed only to 127.0.0.1, ::1 or localhost,"
                    + " because anywhere else the credential crosses a network: use https");
        }
    }

    /** What is unsafe about {@code config} but allowed, one sentence each, for the log and the record. */
    static List<String> warnings(Config config) {
        List<String> warnings = new ArrayList<>();
        String shown = Redaction.url(config.getMasterUrl());
        if (config.isTrustCerts()) {
            warnings.add("TLS verification is off for the API server " + shown + " (insecure-skip-tls-verify):"
                    + " anyone on the network path could pose as the cluster and take the credential; set the"
                    + " cluster's certificate-authority instead");
        } else if (config.isDisableHostnameVerification()) {
            warnings.add("host name verification is off for the API server " + shown
                    + ": a certificate for another host would be accepted");
        }
        if ("http".equalsIgnoreCase(URI.create(config.getMasterUrl()).getScheme())) {
            warnings.add("the API server " + shown + " is reached over plain http, unencrypted");
        }
        return List.copyOf(warnings);
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return lower.equals("localhost")
                || lower.equals("::1")
                || lower.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(lower).matches();
    }

    private static boolean carriesCredential(Config config) {
        return notBlank(config.getOauthToken())
                || notBlank(config.getPassword())
                || config.getOauthTokenProvider() != null
                || config.getAuthProvider() != null
                || notBlank(config.getAutoOAuthToken());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
