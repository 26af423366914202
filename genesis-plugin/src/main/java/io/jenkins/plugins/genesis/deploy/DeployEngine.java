package io.jenkins.plugins.genesis.deploy;

import hudson.AbortException;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Run;
import hudson.security.Permission;
import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Approver;
import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.record.GateRecordStore;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.notify.NotificationDelivery;
import io.genesis.core.notify.NotificationListener;
import io.genesis.core.notify.Outbox;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.ExecutorScheduler;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.approval.JenkinsApprover;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The controller's rollout engine in Jenkins: a {@link RolloutHost} over {@code JENKINS_HOME/genesis},
 * woken by its own scheduler thread (not Jenkins' shared timer, whose threads a slow target would
 * hold), started once every job is loaded, and stopped at shutdown, letting a running transition
 * finish. Everything the engine decides is stored before it acts, so a controller that dies instead
 * loses nothing: the next start's reconciler carries on.
 *
 * <p>For the approval page: {@link #runOf} finds the build waiting for a rollout, {@link #decide}
 * hands an approver's answer to the engine, and {@link #approver} is where the page's approver is
 * plugged in.
 */
public final class DeployEngine {

    private static final Logger LOGGER = Logger.getLogger(DeployEngine.class.getName());

    /**
     * Where the controller keeps rollouts, their history, gate records, notifications and locks:
     * {@code JENKINS_HOME/genesis}. Known without starting the engine.
     */
    public static Path directory() {
        return JenkinsFacade.singleton(GenesisDeployStep.DescriptorImpl.class)
                .jenkinsHome()
                .toPath()
                .resolve("genesis");
    }

    /** The approval pages' approver; answers reach the engine through {@link #decide}. */
    private static final JenkinsApprover APPROVER = new JenkinsApprover(DeployEngine::runOf, DeployEngine::decide);

    private static volatile RolloutHost host;
    /** Queues the notifications of the engine's rollouts, and of the watches that share its scheduler. */
    private static volatile NotificationListener notifications;
    /** The thread notifications are sent on, stopped with the engine. */
    private static volatile ExecutorService notifySender;
    /** Set at shutdown, so that nothing starts the engine again while Jenkins stops. */
    private static volatile boolean stopped;

    private DeployEngine() {}

    /**
     * Starts the engine and reconciles: what the previous controller left is resumed or rolled back,
     * and unfinished rollouts whose build was deleted are rolled back.
     */
    @Initializer(after = InitMilestone.JOB_LOADED)
    public static synchronized void start() {
        RolloutHost started = running();
        // Only now are all jobs loaded, so only now does a missing build mean a deleted one.
        // Each environment's retention: from the global configuration (Configuration as Code is applied by now).
        for (String line : started.reconcile(
                DeployEngine::buildExists, GenesisConfiguration.get().retention())) {
            LOGGER.info(line);
        }
    }

    /**
     * The engine, started on first use: a step that Pipeline resumes before the initializer has run
     * (Pipeline loads builds as soon as their jobs are) must find it. Rollouts of the engine before a
     * restart are adopted at once; rollouts of deleted builds wait for {@link #start()}.
     */
    private static synchronized RolloutHost running() {
        if (host != null) {
            return host;
        }
        if (stopped) {
            throw new IllegalStateException("Jenkins is shutting down");
        }
        Path genesis = directory();
        Clock clock = Clock.systemUTC();
        ExecutorScheduler scheduler = new ExecutorScheduler(
                clock, e -> LOGGER.log(Level.WARNING, "a Genesis rollout step failed and will be tried again", e));
        NotificationListener notifying = notifications(genesis, clock, scheduler);
        RolloutHost started = RolloutHost.builder()
                .directory(genesis)
                .milestones(notifying.rollouts(event -> {}))
                .clock(clock)
                .scheduler(scheduler, scheduler)
                .targets(new TargetOpeners(() -> JenkinsFacade.all(TargetOpener.class)))
                .metricSources(new ProbeMetricSources())
                .approver(approver())
                // Read when a rollout is bound, so a window added while it runs holds it at promotion too.
                .freezes(key -> GenesisConfiguration.get().freeze(key.environment()))
                .whenEndedUnwatched(DeployEngine::showOnItsBuild)
                .whenEnded(record ->
                        APPROVER.close(record.id(), "the rollout ended " + record.status() + " without an answer"))
                .build();
        notifications = notifying;
        host = started;
        return started;
    }

    /**
     * The engine's notifications, for the post-deploy watcher on its scheduler: one outbox and one
     * delivery for rollouts and watches alike.
     *
     * @throws AbortException when the engine cannot run
     */
    public static NotificationListener notifications() throws AbortException {
        host();
        return notifications;
    }

    /**
     * The notifications of every rollout: queued in {@code genesis/notifications} under the engine's
     * directory, to the targets of the global configuration as it is when each is sent, delivered on a
     * thread of their own so that no receiver holds the engine's scheduler.
     */
    private static NotificationListener notifications(Path directory, Clock clock, ExecutorScheduler scheduler) {
        Outbox outbox = Outbox.builder(directory.resolve("notifications"))
                .clock(clock)
                .targets(() -> GenesisConfiguration.get().toNotificationTargets())
                .secrets(new NotificationSecrets())
                .build();
        ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "genesis-notify");
            thread.setDaemon(true);
            return thread;
        });
        notifySender = sender;
        NotificationDelivery delivery =
                new NotificationDelivery(outbox, scheduler, sender, clock, line -> LOGGER.warning(line));
        delivery.wake();
        return new NotificationListener(delivery, line -> LOGGER.warning(line));
    }

    /** Stops the scheduler; running transitions may finish, every rollout stays stored for the next start. */
    @Terminator
    public static synchronized void stop() {
        stopped = true;
        RolloutHost running = host;
        host = null;
        notifications = null;
        if (running != null) {
            running.close();
        }
        ExecutorService sender = notifySender;
        notifySender = null;
        if (sender != null) {
            // A round in progress may finish its sends (each is bounded); what is still queued stays in
            // the outbox, and the next start delivers it.
            sender.shutdown();
            try {
                if (!sender.awaitTermination(15, TimeUnit.SECONDS)) {
                    sender.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The approver the engine asks: the approval page on the waiting build ({@code genesis-approval}),
     * whose answers come back through {@link #decide}, judged by the engine.
     */
    static Approver approver() {
        return APPROVER;
    }

    /** The engine, for the steps and the post-deploy watcher; started on first use. */
    public static RolloutHost host() throws AbortException {
        try {
            return running();
        } catch (RuntimeException e) {
            throw new AbortException(Messages.ENGINE_NOT_RUNNING.format() + ": " + e.getMessage());
        }
    }

    /**
     * The name of the build's identity when it has {@code permission} on the job, as every Genesis step
     * checks it when it starts.
     *
     * @throws AbortException naming the identity, the permission and the job
     */
    public static String checkPermitted(Run<?, ?> run, Permission permission) throws AbortException {
        return DeployExecution.checkPermitted(run, permission);
    }

    /** What makes a second start of one step call find the first: the build's id and the step's node. */
    public static String idempotencyKey(Run<?, ?> run, FlowNode node) {
        return DeployExecution.idempotencyKey(run, node);
    }

    /** The gate records of this controller: {@code genesisGate} keeps them, the promotion check reads them. */
    public static GateRecordStore gateRecords() {
        return running().gateRecords();
    }

    /** The benchmarks recorded for the version of {@code application} that runs in {@code environment}. */
    public static RecordedBaseline deployedBaseline(String application, String environment) {
        return running().deployedBaseline(new DeploymentKey(application, environment));
    }

    /** A waiting step's phase, for {@code StepExecution.getStatus()}. */
    static String status(String rolloutId) {
        try {
            return RolloutCalls.status(host(), rolloutId);
        } catch (AbortException e) {
            return e.getMessage();
        }
    }

    /** The build that started {@code rolloutId}, if it still exists. */
    public static Optional<Run<?, ?>> runOf(String rolloutId) {
        RolloutHost running = host;
        if (running == null) {
            return Optional.empty();
        }
        return running.buildOf(rolloutId).flatMap(JenkinsFacade::build);
    }

    /**
     * Hands an approver's answer to the engine, which checks it against the environment's rules.
     *
     * @throws io.genesis.core.approval.ApprovalRefusedException when the rules refuse it
     * @throws IllegalStateException when the engine is not running or the rollout waits for no approval
     */
    public static void decide(String rolloutId, ApprovalDecision decision) {
        RolloutHost running = host;
        if (running == null) {
            throw new IllegalStateException(Messages.ENGINE_NOT_RUNNING.format());
        }
        running.decide(rolloutId, decision);
    }

    /**
     * Shows the record of a rollout nobody waited for on the page of the build that started it, such
     * as one whose build did not resume after a crash; a build that is gone is left alone.
     */
    private static void showOnItsBuild(DeploymentRecord record) {
        if (record.build().isEmpty()) {
            return;
        }
        try {
            Optional<Run<?, ?>> run = JenkinsFacade.build(record.build());
            if (run.isPresent()) {
                DeploymentAction.record(run.get(), record);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not show rollout " + record.id() + " on build " + record.build(), e);
        }
    }

    private static boolean buildExists(String externalizableId) {
        return JenkinsFacade.build(externalizableId).isPresent();
    }
}
