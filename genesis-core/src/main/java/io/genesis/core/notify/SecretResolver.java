package io.genesis.core.notify;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds a secret by its reference, at send time. The command line reads environment variables and
 * files; Jenkins looks Secret Text credentials up by id.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * The secret {@code ref} names.
     *
     * @throws SecretUnavailableException naming the reference (never a value) and the fix
     */
    String resolve(SecretRef ref);

    /**
     * The secret {@code ref} names, for sending {@code about}: a host that looks secrets up in a
     * context (Jenkins: as the build that started the rollout) overrides this one.
     *
     * @throws SecretUnavailableException naming the reference (never a value) and the fix
     */
    default String resolve(SecretRef ref, Notification about) {
        return resolve(ref);
    }

    /** Reads environment variables from {@code environment} and files from the file system. */
    static SecretResolver of(Map<String, String> environment) {
        return ref -> switch (ref.source()) {
            case ENVIRONMENT -> {
                String value = environment.get(ref.name());
                if (value == null || value.isBlank()) {
                    throw new SecretUnavailableException(ref + " is not set; fix: set it in the environment of the"
                            + " process that delivers notifications (genesis deploy, monitor, rollback or serve)");
                }
                yield value.strip();
            }
            case FILE -> {
                try {
                    String value = new String(PrivateFiles.read(Path.of(ref.name())), StandardCharsets.UTF_8).strip();
                    if (value.isEmpty()) {
                        throw new SecretUnavailableException(ref + " is empty; fix: write the secret into it");
                    }
                    yield value;
                } catch (NoSuchFileException e) {
                    throw new SecretUnavailableException(ref + " does not exist; fix: create it with the secret");
                } catch (IOException e) {
                    throw new SecretUnavailableException(
                            ref + " cannot be read (" + e.getClass().getSimpleName() + "); fix: make it readable");
                }
            }
            case CREDENTIALS ->
                throw new SecretUnavailableException(
                        ref + " is a Jenkins credentials id, which only the Jenkins controller can look up; fix: use"
                                + " urlEnv/urlFile (routingKeyEnv/routingKeyFile) on the command line");
        };
    }
}
