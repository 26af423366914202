package io.genesis.kubernetes.api;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.secret.Redaction;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports each line both to the caller's log and as a Kubernetes {@code Event} on the
 * application's Deployment, so that {@code kubectl describe deployment} and {@code kubectl get
 * events} show what Genesis did, next to what the Deployment controller did — without a
 * controller of Genesis' own in the cluster. Blue-green has no Deployment of that name (its slots
 * are {@code <name>-blue} and {@code <name>-green}): there the Events go on the active Service of
 * that name. The involved object carries the object's {@code uid}, which {@code kubectl describe}
 * filters on; when neither object exists no Event is written, since it would name nothing.
 *
 * <p>Events are a courtesy, never a condition: a write that fails (no {@code create} on
 * {@code events} in the Role, the API briefly away) is said once in the log and the rollout goes on.
 * They are written off the rollout's path, on {@link #background()}, so that recording "traffic is
 * back on blue" never delays the rollback it reports.
 */
public final class ClusterEvents implements EventSink {

    /** The API server refuses longer Event messages. */
    static final int MAX_MESSAGE = 1024;

    private final KubernetesClient client;
    private final String namespace;
    private final String deployment;
    private final EventSink log;
    private final Clock clock;
    private final Executor writer;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile ObjectReference involved;

    /**
     * One daemon thread for the Events of every rollout in this process, with a bounded queue: when
     * the API is so slow that 1 000 Events wait, newer ones are dropped rather than held in memory.
     */
    private static final ThreadPoolExecutor BACKGROUND = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1_000),
            runnable -> {
                Thread thread = new Thread(runnable, "genesis-kubernetes-events");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    /** The shared writer of Events, off every rollout's path. */
    public static Executor background() {
        // Only the power to submit leaves this class: nobody else may shut the shared pool down.
        return BACKGROUND::execute;
    }

    /**
     * @param namespace where the Deployment and its Events are
     * @param deployment the Deployment the Events are about
     * @param log the caller's log, which gets every line first
     */
    public ClusterEvents(
            KubernetesClient client, String namespace, String deployment, EventSink log, Clock clock, Executor writer) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public void emit(String message) {
        // Events are readable by everyone who may read the namespace: no credential goes there.
        String shown = Redaction.text(message);
        log.emit(shown);
        String at = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        writer.execute(() -> record(shown, at));
    }

    private void record(String shown, String at) {
        try {
            ObjectReference object = involved();
            if (object == null) {
                warnOnce("neither a Deployment nor a Service named " + deployment + " exists in namespace " + namespace
                        + " to record it on");
                return;
            }
            Event event = event(object, shown, at);
            Api.call(
                    ApiCall.of(
                            "create",
                            ApiCall.Kind.EVENT,
                            namespace,
                            event.getMetadata().getName()),
                    () -> client.v1()
                            .events()
                            .inNamespace(namespace)
                            .resource(event)
                            .create());
        } catch (RuntimeException e) {
            warnOnce(Redaction.text(e.getMessage()));
        }
    }

    private void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.emit("could not record a Kubernetes Event on deployment " + deployment + " (" + why
                    + "); the rollout goes on, and this is said only once");
        }
    }

    /** The Deployment, else the Service, named {@code deployment}, with its uid; read once it exists. */
    private ObjectReference involved() {
        ObjectReference known = involved;
        if (known != null) {
            return known;
        }
        HasMetadata found = Api.find(
                        ApiCall.of("get", ApiCall.Kind.DEPLOYMENT, namespace, deployment),
                        () -> client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .withName(deployment)
                                .get())
                .map(HasMetadata.class::cast)
                .or(() -> Api.find(
                        ApiCall.of("get", ApiCall.Kind.SERVICE, namespace, deployment),
                        () -> client.services()
                                .inNamespace(namespace)
                                .withName(deployment)
                                .get()))
                .orElse(null);
        if (found == null) {
            return null;
        }
        known = new ObjectReferenceBuilder()
                .withApiVersion(found.getApiVersion())
                .withKind(found.getKind())
                .withNamespace(namespace)
                .withName(deployment)
                .withUid(found.getMetadata().getUid())
                .build();
        involved = known;
        return known;
    }

    private Event event(ObjectReference object, String message, String now) {
        String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                // Unique per line, as kubectl's own events are: <object>.<random hex>.
                .withName(deployment + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .addToLabels(Names.MANAGED_BY, "genesis")
                .endMetadata()
                .withInvolvedObject(object)
                .withType("Normal")
                .withReason("GenesisRollout")
                .withMessage(text)
                .withNewSource()
                .withComponent("genesis")
                .endSource()
                .withReportingComponent("genesis")
                .withReportingInstance("genesis")
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
    }
}
