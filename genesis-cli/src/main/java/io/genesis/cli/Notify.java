package io.genesis.cli;

import io.genesis.core.notify.Channel;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.NotificationsBinder;
import io.genesis.core.policy.PolicyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification channels a command uses: the {@code notify:} sections of the trusted policy and of
 * the checkout's {@code genesis.yaml}, read by the engine's binder. The checkout adds channels to an
 * environment that is not protected; for a protected one it may set none ({@code CheckoutPolicy}
 * refuses that when the environments are read).
 */
final class Notify {

    private Notify() {}

    /**
     * The channels of every environment.
     *
     * @throws ConfigException naming the file, line, environment, channel and the fix
     */
    static NotificationTargets targets(Path policy, Path config, Path directory) throws ConfigException {
        PolicyFiles files = PolicyFiles.locate(
                policy, config, directory, System.getenv(), Path.of(System.getProperty("user.home")));
        NotificationTargets trusted = read(files.trusted());
        NotificationTargets checkout = read(files.checkout());
        NotificationTargets merged = trusted;
        for (Map.Entry<String, List<Channel>> added : checkout.byEnvironment().entrySet()) {
            List<Channel> channels = new ArrayList<>(trusted.channels(added.getKey()));
            channels.addAll(added.getValue());
            try {
                merged = merged.with(added.getKey(), channels);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(files.checkout().orElseThrow() + ": " + e.getMessage()
                        + " (the trusted policy has a channel of that name)");
            }
        }
        return merged;
    }

    /** {@link #targets}, or none with a warning: a command that rolls back never stops for its notifications. */
    static NotificationTargets targetsOrNone(java.util.function.Consumer<String> warn) {
        try {
            return targets(null, null, Path.of(""));
        } catch (ConfigException | RuntimeException e) {
            warn.accept("warning: notifications are off for this command: " + e.getMessage());
            return NotificationTargets.NONE;
        }
    }

    private static NotificationTargets read(Optional<Path> file) throws ConfigException {
        if (file.isEmpty()) {
            return NotificationTargets.NONE;
        }
        YamlTree tree = ConfigFile.parse(file.get());
        try {
            return NotificationsBinder.bind(tree.root());
        } catch (PolicyException e) {
            throw ConfigFile.problem(file.get().toString(), tree, e);
        }
    }
}
