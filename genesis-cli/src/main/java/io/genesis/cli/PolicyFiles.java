package io.genesis.cli;

import io.genesis.core.history.Retention;
import io.genesis.core.history.RetentionBinder;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HooksBinder;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricsBinder;
import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchThresholdsBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command's policy comes from, with a trust level per source. The trusted policy is a file
 * outside the checkout ({@code --policy}, else {@code $GENESIS_POLICY}, else
 * {@code ~/.config/genesis/policy.yaml} when it exists), else the built-in environments; it alone may
 * set protections and name targets with their credentials and API addresses. The checkout's file
 * ({@code --config}, else {@code genesis.yaml} in the directory) is what a pull request can change:
 * it may only tighten the trusted policy ({@link CheckoutPolicy}).
 *
 * @param trusted the trusted policy file, if any
 * @param checkout the checkout's policy file, if any
 */
record PolicyFiles(Optional<Path> trusted, Optional<Path> checkout) {

    static final String ENVIRONMENT_VARIABLE = "GENESIS_POLICY";

    static final Path USER_DEFAULT = Path.of(".config", "genesis", "policy.yaml");

    /**
     * Finds the files for a command run in {@code directory}.
     *
     * @param policy {@code --policy}, or {@code null}
     * @param config {@code --config}, or {@code null}
     * @param directory the checkout: where {@code genesis.yaml} is looked for
     * @param env the process environment
     * @param home the user's home directory
     * @throws ConfigException when the trusted file lies inside the checkout
     */
    static PolicyFiles locate(Path policy, Path config, Path directory, Map<String, String> env, Path home)
            throws ConfigException {
        Optional<Path> trusted = Optional.ofNullable(policy)
                .or(() -> Optional.ofNullable(env.get(ENVIRONMENT_VARIABLE))
                        .filter(value -> !value.isBlank())
                        .map(Path::of))
                .or(() -> Optional.of(home.resolve(USER_DEFAULT)).filter(Files::isRegularFile));
        if (trusted.isPresent()) {
            requireOutside(trusted.get(), directory);
            requireOutside(trusted.get(), Path.of(""));
        }
        Path implicit = directory.resolve(ConfigFile.FILE_NAME);
        Optional<Path> checkout =
                Optional.ofNullable(config).or(() -> Optional.of(implicit).filter(Files::exists));
        return new PolicyFiles(trusted, checkout);
    }

    /** The environments and targets the command uses: the trusted policy, tightened by the checkout's. */
    ConfigFile.Contents read() throws ConfigException {
        ConfigFile.Contents base = trusted.isPresent()
                ? ConfigFile.read(trusted.get())
                : new ConfigFile.Contents(Environments.defaults(), Map.of());
        if (checkout.isEmpty()) {
            return base;
        }
        Path file = checkout.get();
        String name = file.toString();
        YamlTree tree = ConfigFile.parse(file);
        PolicyDocument document;
        Map<String, MetricSpec> metrics = new LinkedHashMap<>(base.metrics());
        Map<String, WatchThresholds> watchThresholds = new LinkedHashMap<>(base.watchThresholds());
        Map<String, Retention> retention = new LinkedHashMap<>(base.retention());
        try {
            document = CheckoutPolicy.tighten(base.environments(), trustedName(), tree.root());
            metrics.putAll(MetricsBinder.bind(document));
            watchThresholds.putAll(WatchThresholdsBinder.bind(document));
            retention.putAll(
                    RetentionBinder.fromCheckout(document, base.environments(), base.retention(), trustedName()));
        } catch (PolicyException e) {
            throw ConfigFile.problem(name, tree, e);
        }
        Map<String, ConfigFile.TargetBlock> targets = new LinkedHashMap<>(base.targets());
        Map<String, List<Hook>> hooks = new LinkedHashMap<>(base.hooks());
        for (PolicyEntry entry : document.entries()) {
            try {
                List<Hook> added =
                        HooksBinder.fromCheckout(entry, document.environments().named(entry.name()));
                if (!added.isEmpty()) {
                    // The trusted policy's hooks still run; the checkout's run after them.
                    List<Hook> all = new ArrayList<>(base.hooks(entry.name()));
                    all.addAll(added);
                    hooks.put(entry.name(), all);
                }
            } catch (PolicyException e) {
                throw ConfigFile.problem(name, tree, e);
            }
        }
        List<String> names = document.entries().stream().map(e -> e.name()).toList();
        for (Map.Entry<String, Map<String, Object>> target : document.targets().entrySet()) {
            targets.put(
                    target.getKey(),
                    ConfigFile.target(name, tree, names.indexOf(target.getKey()), target.getKey(), target.getValue()));
        }
        return new ConfigFile.Contents(
                document.environments(),
                targets,
                metrics,
                hooks,
                ConfigFile.freezes(name, tree, document, base.freezes()),
                watchThresholds,
                retention);
    }

    private String trustedName() {
        return trusted.map(path -> "the trusted policy " + path)
                .orElse("the built-in defaults (set your own in a trusted policy file with --policy)");
    }

    /** A policy file inside the checkout is no more trusted than the checkout. */
    private static void requireOutside(Path policy, Path checkout) throws ConfigException {
        Path file;
        Path root;
        try {
            file = real(policy);
            root = Files.exists(checkout)
                    ? real(checkout)
                    : checkout.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new ConfigException(policy + " cannot be read (" + ConfigFile.why(e)
                    + "); fix: pass an existing trusted policy file with --policy or " + ENVIRONMENT_VARIABLE);
        }
        if (file.startsWith(root)) {
            throw new ConfigException(policy + " is inside the checkout " + root
                    + ", which a pull request can change, so it cannot be the trusted policy; fix: keep the policy"
                    + " outside the checkout (for example ~/.config/genesis/policy.yaml), or pass it with --config"
                    + " to only tighten the trusted one");
        }
    }

    private static Path real(Path path) throws IOException {
        return path.toAbsolutePath().normalize().toRealPath();
    }
}
