package io.genesis.core.monitor.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Secrets of the machine the engine runs on: {@code env:NAME} reads an environment variable,
 * {@code file:PATH} a file (at most 64 KiB, surrounding white space dropped; {@code ~/} is the
 * user's home), as the command line resolves them.
 */
public final class LocalSecrets implements SecretResolver {

    private static final long MAX_BYTES = 64 * 1024;

    private final Map<String, String> environment;
    private final Path home;

    public LocalSecrets(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The secrets of this process: its environment and files. */
    public static LocalSecrets ofProcess() {
        return new LocalSecrets(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    @Override
    public String resolve(String reference) {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the secret " + reference + " is not set: the environment variable "
                        + name + " is empty or missing; fix: export it before genesis runs");
            }
            return value.strip();
        }
        if (reference.startsWith("file:")) {
            String text = reference.substring(5);
            Path file = text.startsWith("~/") ? home.resolve(text.substring(2)) : Path.of(text);
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                    throw new IllegalArgumentException("the secret " + reference + " is not a readable file of at most "
                            + MAX_BYTES + " bytes; fix: point file: at the file holding only the token");
                }
                String value = Files.readString(file).strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("the secret " + reference + " is an empty file");
                }
                return value;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "the secret " + reference + " cannot be read ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            }
        }
        throw new IllegalArgumentException("the secret reference '" + reference + "' is not known here; fix: write"
                + " env:NAME (an environment variable) or file:PATH (a file holding only the secret)");
    }
}
