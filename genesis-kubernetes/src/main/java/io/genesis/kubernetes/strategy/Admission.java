package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.Service;
import io.genesis.kubernetes.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the strategies share when they admit a manifest folder: objects Genesis manages itself stay out. */
final class Admission {

    static final String DEPLOYMENT = "Deployment";
    static final String SERVICE = "Service";

    private Admission() {}

    /**
     * Refuses a Deployment of {@code manifests} named one of {@code managed}: applying it would
     * replace what the strategy derives for each release. {@code why} says what Genesis does with it.
     */
    static void refuseDeployments(List<Manifest> manifests, Set<String> managed, String strategy, String why) {
        for (Manifest manifest : manifests) {
            if (DEPLOYMENT.equals(manifest.kind()) && managed.contains(manifest.name())) {
                throw new RolloutFailedException("manifest " + manifest.file() + ": " + strategy
                        + " manages Deployment "
                        + manifest.name() + " itself (" + why + "), so the manifests must not contain it: remove it"
                        + " from the folder and keep there only the objects around it (ConfigMaps, Secrets, Services,"
                        + " routes); nothing was written");
            }
        }
    }

    /**
     * Refuses a Service of {@code manifests} named one of {@code services} whose selector sets
     * {@code key}: Genesis moves that selector key between releases, and applying the manifest
     * would move traffic behind its back.
     */
    static void refuseSelectorKey(List<Manifest> manifests, Set<String> services, String key, String strategy) {
        for (Manifest manifest : manifests) {
            if (SERVICE.equals(manifest.kind())
                    && services.contains(manifest.name())
                    && manifest.object() instanceof Service service
                    && service.getSpec() != null
                    && selector(service).containsKey(key)) {
                throw new RolloutFailedException("manifest " + manifest.file() + ": Service " + manifest.name()
                        + " selects " + key + ": " + selector(service).get(key) + ", but " + strategy
                        + " sets " + key + " in that selector itself for each release, and applying the manifest"
                        + " would move traffic: remove " + key + " from the selector in the manifest (server-side"
                        + " apply leaves a field it does not set to Genesis); nothing was written");
            }
        }
    }

    private static Map<String, String> selector(Service service) {
        Map<String, String> selector = service.getSpec().getSelector();
        return selector == null ? Map.of() : selector;
    }
}
