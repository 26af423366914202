package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays kube-scheduler and the kubelet for every pod: a pod is scheduled (condition {@code
 * PodScheduled}, an IP) after {@link Timings#schedule}, its container runs after the image pull,
 * and it turns {@code Ready} once its readiness probe passes (pkg/kubelet/status/status_manager.go
 * writes the Ready condition with its lastTransitionTime, which availability is measured from). A
 * pod of a crashing image never turns Ready: its container restarts with the kubelet's back-off of
 * 10 s doubling up to 5 min (pkg/kubelet/kuberuntime, CrashLoopBackOff).
 */
final class Kubelet implements Component {

    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final KubernetesClient client;
    private final String namespace;
    private final Timings timings;
    private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
    private final Map<String, String> images = new ConcurrentHashMap<>();
    private final Map<String, String> ips = new ConcurrentHashMap<>();
    private final Set<String> crashing = ConcurrentHashMap.newKeySet();

    Kubelet(KubernetesClient client, String namespace, Timings timings) {
        this.client = client;
        this.namespace = namespace;
        this.timings = timings;
    }

    /** Pods of {@code image} created from now on crash at start, again and again. */
    void crash(String image) {
        crashing.add(image);
    }

    /** Called by the ReplicaSet controller when it creates a pod: the pod's life starts now. */
    void created(String pod, String image, Instant now) {
        createdAt.put(pod, now);
        images.put(pod, image);
        ips.put(pod, "127.1." + (ips.size() / 250) + "." + (ips.size() % 250 + 1));
    }

    /** The image of pod {@code name}, even after it was deleted (its endpoint may still be served). */
    String image(String pod) {
        return images.getOrDefault(pod, "");
    }

    @Override
    public boolean sync(Instant now) {
        boolean wrote = false;
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            String name = pod.getMetadata().getName();
            Instant created = createdAt.computeIfAbsent(name, n -> now);
            images.computeIfAbsent(name, n -> image(pod));
            PodStatus desired = statusAt(name, created, now);
            if (!same(pod.getStatus(), desired)) {
                client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
                    p.setStatus(desired);
                    return p;
                });
                wrote = true;
            }
        }
        return wrote;
    }

    @Override
    public Optional<Instant> nextEvent(Instant now) {
        Instant next = null;
        for (Map.Entry<String, Instant> pod : createdAt.entrySet()) {
            for (Instant at : transitions(pod.getKey(), pod.getValue(), now)) {
                if (at.isAfter(now)) {
                    next = Times.earliest(next, at);
                }
            }
        }
        return Optional.ofNullable(next);
    }

    private List<Instant> transitions(String pod, Instant created, Instant now) {
        Instant scheduled = created.plus(timings.schedule());
        Instant running = scheduled.plus(timings.pull());
        List<Instant> at = new ArrayList<>(List.of(scheduled, running));
        if (crashing.contains(images.get(pod))) {
            at.add(nextRestart(running, now));
        } else {
            at.add(running.plus(timings.startup()));
        }
        return at;
    }

    private PodStatus statusAt(String pod, Instant created, Instant now) {
        Instant scheduled = created.plus(timings.schedule());
        Instant running = scheduled.plus(timings.pull());
        Instant ready = running.plus(timings.startup());
        boolean crashes = crashing.contains(images.get(pod));
        PodStatusBuilder status = new PodStatusBuilder().withPhase("Pending");
        if (now.isBefore(scheduled)) {
            return status.withConditions(condition("PodScheduled", "False", created))
                    .build();
        }
        status.withPodIP(ips.get(pod)).withHostIP("127.0.0.1");
        if (now.isBefore(running)) {
            return status.withConditions(
                            condition("PodScheduled", "True", scheduled), condition("Ready", "False", scheduled))
                    .withContainerStatuses(container(pod, "ContainerCreating", 0))
                    .build();
        }
        status.withPhase("Running");
        if (crashes) {
            return status.withConditions(
                            condition("PodScheduled", "True", scheduled), condition("Ready", "False", scheduled))
                    .withContainerStatuses(container(pod, "CrashLoopBackOff", restarts(running, now)))
                    .build();
        }
        boolean isReady = !now.isBefore(ready);
        return status.withConditions(
                        condition("PodScheduled", "True", scheduled),
                        condition("Ready", isReady ? "True" : "False", isReady ? ready : running))
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("web")
                        .withImage(images.get(pod))
                        .withReady(isReady)
                        .withStarted(true)
                        .withRestartCount(0)
                        .build())
                .build();
    }

    private ContainerStatus container(String pod, String waiting, int restarts) {
        return new ContainerStatusBuilder()
                .withName("web")
                .withImage(images.get(pod))
                .withReady(false)
                .withRestartCount(restarts)
                .withNewState()
                .withNewWaiting()
                .withReason(waiting)
                .endWaiting()
                .endState()
                .build();
    }

    private static int restarts(Instant running, Instant now) {
        int count = 0;
        Instant at = running;
        Duration backOff = FIRST_BACK_OFF;
        while (!at.isAfter(now)) {
            count++;
            at = at.plus(backOff);
            backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
        }
        return count;
    }

    private static Instant nextRestart(Instant running, Instant now) {
        Instant at = running;
        Duration backOff = FIRST_BACK_OFF;
        while (!at.isAfter(now)) {
            at = at.plus(backOff);
            backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
        }
        return at;
    }

    private static PodCondition condition(String type, String status, Instant since) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withLastTransitionTime(Times.format(since))
                .build();
    }

    private static boolean same(PodStatus current, PodStatus desired) {
        return current != null
                && desired.getPhase().equals(current.getPhase())
                && desired.getConditions().equals(current.getConditions())
                && desired.getContainerStatuses().equals(current.getContainerStatuses());
    }

    private static String image(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getContainers().isEmpty()
                ? ""
                : pod.getSpec().getContainers().get(0).getImage();
    }

    /** Whether {@code pod} is Ready, and since when. */
    static Optional<Instant> readySince(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst()
                .flatMap(c -> Times.parse(c.getLastTransitionTime()));
    }

    /** Ready for at least {@code minReady} at {@code now}: what the controllers call available (podutil.IsPodAvailable). */
    static boolean available(Pod pod, Duration minReady, Instant now) {
        return readySince(pod)
                .filter(since -> !since.plus(minReady).isAfter(now))
                .isPresent();
    }
}
