package io.genesis.docker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials as {@code docker login} keeps them: the {@code auths} of {@code config.json} in
 * {@code DOCKER_CONFIG} (default {@code ~/.docker}), each entry keyed by the registry's host (Docker Hub as
 * {@code https://index.docker.io/v1/}) with {@code auth} (base64 of {@code user:password}), or
 * {@code username} and {@code password}, or an {@code identitytoken}. They become the engine's
 * {@code X-Registry-Auth} header and nothing else: no log, record or message holds them. Credential helpers
 * ({@code credsStore}, {@code credHelpers}) are not run; {@link #describe} says when one would have been.
 */
public final class RegistryAuth {

    private static final String HUB_KEY = "https://index.docker.io/v1/";
    private static final long MAX_BYTES = 1 << 20;

    private final Path file;

    private RegistryAuth(Path file) {
        this.file = file;
    }

    /** The credentials of {@code config.json} in {@code DOCKER_CONFIG} of {@code environment}, else {@code home/.docker}. */
    public static RegistryAuth fromEnvironment(Map<String, String> environment, Path home) {
        String folder = environment.get("DOCKER_CONFIG");
        Path directory = folder == null || folder.isBlank() ? home.resolve(".docker") : Path.of(folder);
        return new RegistryAuth(directory.resolve("config.json"));
    }

    /** The file the credentials are read from. */
    public Path file() {
        return file;
    }

    /**
     * The {@code X-Registry-Auth} value for {@code registry} (as {@link ImageReference#registry()} names it),
     * if the file has credentials for it. Read afresh each time, so a {@code docker login} in between counts.
     *
     * @throws IllegalArgumentException when the file is there but unreadable or not the docker command's JSON,
     *     naming the file (never its content)
     */
    public Optional<String> header(String registry) {
        Optional<JsonNode> entry = entry(registry);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = entry.get();
        ObjectNode auth = new ObjectMapper().createObjectNode();
        if (node.hasNonNull("identitytoken")) {
            auth.put("identitytoken", node.path("identitytoken").asText());
        } else if (node.hasNonNull("auth")) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(node.path("auth").asText().trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": auths." + registry + ".auth is not base64 of"
                        + " user:password; fix: run 'docker login " + registry + "' again");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(file + ": auths." + registry + ".auth is not base64 of"
                        + " user:password; fix: run 'docker login " + registry + "' again");
            }
            auth.put("username", decoded.substring(0, colon));
            auth.put("password", decoded.substring(colon + 1));
        } else if (node.hasNonNull("username")) {
            auth.put("username", node.path("username").asText());
            auth.put("password", node.path("password").asText(""));
        } else {
            return Optional.empty();
        }
        auth.put("serveraddress", ImageReference.DOCKER_HUB.equals(registry) ? HUB_KEY : registry);
        return Optional.of(Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Where credentials for {@code registry} come from, for messages: never the credentials themselves. */
    public String describe(String registry) {
        try {
            if (entry(registry).isPresent()) {
                return "credentials for " + registry + " from " + file + " were sent";
            }
            JsonNode root = read();
            if (root.hasNonNull("credsStore") || root.path("credHelpers").has(registry)) {
                return "no credentials for " + registry + " were sent: " + file + " keeps them in a credential"
                        + " helper, which Genesis does not run; put them in its auths (docker login with no"
                        + " credsStore) or pull the image on the host first";
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "no credentials for " + registry + " were sent (none in " + file + "; docker login " + registry
                + " adds them)";
    }

    private Optional<JsonNode> entry(String registry) {
        JsonNode auths = read().path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> entries = auths.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (host(entry.getKey()).equals(registry)
                    || (ImageReference.DOCKER_HUB.equals(registry)
                            && host(entry.getKey()).equals("index.docker.io"))) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** A key of {@code auths} as a host: {@code https://index.docker.io/v1/} is {@code index.docker.io}. */
    private static String host(String key) {
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private JsonNode read() {
        if (!Files.isRegularFile(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes; fix: point"
                        + " DOCKER_CONFIG at the docker command's configuration folder");
            }
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return root == null ? new ObjectMapper().createObjectNode() : root;
        } catch (IOException e) {
            // The parser's message may quote the file, which holds passwords: only its kind goes on.
            throw new IllegalArgumentException(file + " is not readable JSON ("
                    + e.getClass().getSimpleName() + "); fix: correct it, or run 'docker login' to write it again");
        }
    }
}
