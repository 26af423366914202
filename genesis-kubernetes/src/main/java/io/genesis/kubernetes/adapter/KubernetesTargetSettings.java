package io.genesis.kubernetes.adapter;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the settings {@link KubernetesTargetFactory} accepts, for callers that check
 * settings written elsewhere (such as a configuration file) before they reach the factory, and
 * name the known ones in their own error messages.
 */
public final class KubernetesTargetSettings {

    private KubernetesTargetSettings() {}

    /** Every setting the factory knows, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(KubernetesTargetFactory.KNOWN));
    }
}
