package io.genesis.core.secret;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a URL-shaped value may be shown. Command-line output, error
 * messages, deployment records, state files and Kubernetes Events all pass their text through here,
 * so a credential in an address (user:password@, a token-like query parameter, a bearer token) is
 * masked the same way wherever it would have appeared.
 *
 * <p>Addresses are taken apart by hand rather than with {@link java.net.URI}: {@code URI} gives no
 * user info for a host with an underscore ({@code http://u:p@my_host/}), which is how such
 * credentials slipped through before.
 */
public final class Redaction {

    /** What replaces a secret. */
    public static final String MASK = "****";

    /** Query or fragment parameters that carry credentials, compared without case. */
    private static final Set<String> SECRET_PARAMETERS = Set.of(
            "access_token",
            "accesstoken",
            "refresh_token",
            "id_token",
            "token",
            "auth",
            "authorization",
            "key",
            "apikey",
            "api_key",
            "api-key",
            "password",
            "passwd",
            "pwd",
            "secret",
            "client_secret",
            "sig",
            "signature",
            "x-amz-signature",
            "x-amz-credential",
            "x-amz-security-token",
            "x-goog-signature",
            "code",
            "session",
            "sessionid");

    /** A scheme, {@code ://}, then anything up to white space or a quote: an address inside text. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]*");

    /** {@code name=value} after {@code ?}, {@code &}, {@code ;} or {@code #}. */
    private static final Pattern PARAMETER = Pattern.compile("([?&;#])([^=&;#\\s]+)=([^&;#\\s]*)");

    /**
     * {@code Bearer xyz} or {@code Basic xyz}, as in an Authorization header pasted into text; the
     * credential has a digit or a symbol in it, so prose ("basic authentication") is left alone.
     */
    private static final Pattern SCHEME_CREDENTIAL =
            Pattern.compile("(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=])[A-Za-z0-9._~+/=-]{8,}");

    /** Three base64url parts: a JSON Web Token, such as a Kubernetes service account token. */
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private Redaction() {}

    /**
     * {@code text} with every address in it shown by {@link #url}, and bearer tokens and JSON Web
     * Tokens masked. Text without secrets comes back unchanged.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher addresses = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (addresses.find()) {
            addresses.appendReplacement(out, Matcher.quoteReplacement(url(addresses.group())));
        }
        addresses.appendTail(out);
        String masked = SCHEME_CREDENTIAL.matcher(out).replaceAll("$1 " + MASK);
        return JWT.matcher(masked).replaceAll(MASK);
    }

    /**
     * An address as it may be shown: user info replaced by {@value #MASK}, and the values of
     * token-like query and fragment parameters too. A value that is not an address at all (no
     * {@code scheme://}) may be a token pasted where an address was expected, so none of it is shown.
     */
    public static String url(String value) {
        if (value == null) {
            return "null";
        }
        String trimmed = value.trim();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd <= 0 || !trimmed.substring(0, schemeEnd).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return trimmed.isEmpty() ? "" : "(a value that is not an address, not shown)";
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityEnd(trimmed, authorityStart);
        String authority = trimmed.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = MASK + authority.substring(at);
        }
        String rest = trimmed.substring(authorityEnd);
        return trimmed.substring(0, authorityStart) + authority + maskParameters(rest);
    }

    /**
     * Whether {@code value} carries a credential that {@link #url} would mask: user info or a
     * token-like parameter. Addresses that are stored or sent somewhere are refused when it does. A
     * value that is no address at all carries none in this sense: it is refused as no address, and
     * {@link #url} does not show it.
     */
    public static boolean carriesSecret(String value) {
        return value != null && value.contains("://") && !url(value).equals(value.trim());
    }

    private static int authorityEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return text.length();
    }

    private static String maskParameters(String rest) {
        Matcher parameters = PARAMETER.matcher(rest);
        StringBuilder out = new StringBuilder(rest.length());
        while (parameters.find()) {
            String name = parameters.group(2);
            String shown = isSecretName(name) && !parameters.group(3).isEmpty()
                    ? parameters.group(1) + name + "=" + MASK
                    : parameters.group();
            parameters.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        parameters.appendTail(out);
        return out.toString();
    }

    private static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_PARAMETERS.contains(lower)
                || lower.endsWith("_token")
                || lower.endsWith("-token")
                || lower.endsWith("_key")
                || lower.endsWith("secret")
                || lower.endsWith("password");
    }
}
