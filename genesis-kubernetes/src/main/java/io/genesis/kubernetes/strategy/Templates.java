package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.workload.JsonPatch;
import io.genesis.kubernetes.workload.Workloads;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Derives a candidate Deployment from the stable one: same pod spec, new image, its own label. */
final class Templates {

    private Templates() {}

    /**
     * A Deployment named {@code name} running {@code stable}'s pods with {@code image} in the
     * application's container, labelled {@code labelKey=labelValue} in its selector and pods. The
     * Deployment itself carries only its selector's labels and {@code app.kubernetes.io/managed-by:
     * genesis}, not every label of stable: a copied {@code app.kubernetes.io/instance} would make
     * Argo CD (label tracking) count it as its own and prune it as missing from Git.
     */
    static Deployment derive(
            Deployment stable,
            Application app,
            String name,
            String labelKey,
            String labelValue,
            Release release,
            int replicas,
            Map<String, String> extraAnnotations) {
        PodTemplateSpec template = template(stable, app, labelKey, labelValue, release);
        Map<String, String> selector = new LinkedHashMap<>(matchLabels(stable));
        selector.put(labelKey, labelValue);
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put(Names.MANAGED_BY, Names.FIELD_MANAGER);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(app.namespace())
                .withLabels(labels)
                .withAnnotations(annotations(release, extraAnnotations))
                .endMetadata()
                .withSpec(Serialization.clone(stable.getSpec()))
                .editSpec()
                .withReplicas(replicas)
                .withSelector(
                        new LabelSelectorBuilder().withMatchLabels(selector).build())
                .withTemplate(template)
                .endSpec()
                .build();
    }

    /** {@code stable}'s pod template with the release's image and the given label. */
    static PodTemplateSpec template(
            Deployment stable, Application app, String labelKey, String labelValue, Release release) {
        PodTemplateSpec template = Serialization.clone(stable.getSpec().getTemplate());
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        Map<String, String> podLabels = new LinkedHashMap<>(
                template.getMetadata().getLabels() == null
                        ? Map.of()
                        : template.getMetadata().getLabels());
        podLabels.remove(Names.POD_TEMPLATE_HASH);
        podLabels.put(labelKey, labelValue);
        template.getMetadata().setLabels(podLabels);
        int index = Workloads.containerIndex(stable, app.container());
        template.getSpec().getContainers().get(index).setImage(release.image());
        return template;
    }

    /** The patch that turns an existing candidate Deployment into {@code desired}. */
    static JsonPatch update(Deployment existing, Deployment desired) {
        return new JsonPatch()
                .replace("/spec/template", desired.getSpec().getTemplate())
                .replace("/spec/replicas", desired.getSpec().getReplicas())
                .annotations(
                        existing.getMetadata().getAnnotations(),
                        desired.getMetadata().getAnnotations());
    }

    static Map<String, String> annotations(Release release, Map<String, String> extra) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(Names.ROLLOUT, release.rolloutId());
        annotations.put(Names.VERSION, release.version());
        annotations.putAll(extra);
        return annotations;
    }

    static String image(Deployment deployment, Application app) {
        int index = Workloads.containerIndex(deployment, app.container());
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(index)
                .getImage();
    }

    static boolean ownedBy(HasMetadata object, Release release) {
        return release.rolloutId().equals(Workloads.annotation(object, Names.ROLLOUT));
    }

    /** Whether a rollback of {@code release} already put the previous revision back into {@code object}. */
    static boolean rolledBack(HasMetadata object, Release release) {
        return release.rolloutId().equals(Workloads.annotation(object, Names.ROLLED_BACK));
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata() == null
                ? null
                : deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> copy = new HashMap<>(labels == null ? Map.of() : labels);
        copy.remove(Names.POD_TEMPLATE_HASH);
        return copy;
    }

    private static Map<String, String> matchLabels(Deployment stable) {
        LabelSelector selector = stable.getSpec().getSelector();
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }
}
