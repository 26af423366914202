package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TargetSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The engine's targets in Jenkins: each stored spec is opened by the {@link TargetOpener} of its
 * kind, looked up on every open, so an opener installed later (or a plugin updated) is used from
 * then on. An unknown kind fails with the kinds that are installed.
 */
final class TargetOpeners implements TargetFactory {

    private final Supplier<List<TargetOpener>> openers;

    /** @param openers the installed openers, asked each time (in Jenkins: the extension list) */
    TargetOpeners(Supplier<List<TargetOpener>> openers) {
        this.openers = Objects.requireNonNull(openers, "openers");
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        List<TargetOpener> installed = openers.get();
        return installed.stream()
                .filter(opener -> opener.kind().equals(spec.kind()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Messages.UNKNOWN_TARGET_KIND.format(
                        spec.kind(),
                        installed.isEmpty()
                                ? "none (no plugin that opens targets is installed)"
                                : installed.stream()
                                        .map(TargetOpener::kind)
                                        .sorted()
                                        .collect(Collectors.joining(", ")))))
                .open(key, spec);
    }
}
