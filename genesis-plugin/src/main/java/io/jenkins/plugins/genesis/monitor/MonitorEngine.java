package io.jenkins.plugins.genesis.monitor;

import hudson.AbortException;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Run;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environment;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchThresholds;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.DeployEngine;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's post-deploy watcher in Jenkins: a {@link MonitorHost} on the rollout engine of
 * {@link DeployEngine} (its scheduler thread, {@code JENKINS_HOME/genesis}, its name), started once
 * every job is loaded, when it adopts the watches the controller ran before a restart. It starts a
 * watch by itself after each rollout that succeeded in an environment with a watch window, and shows
 * each watch on its build's page.
 */
public final class MonitorEngine {

    private static final Logger LOGGER = Logger.getLogger(MonitorEngine.class.getName());

    private static volatile MonitorHost host;
    /** Set at shutdown, so that nothing starts the watcher again while Jenkins stops. */
    private static volatile boolean stopped;
    /**
     * The environments' configured metric sources: the global configuration's {@code metrics:} per
     * environment, read when a watch starts, as {@code genesisDeploy} reads it for a rollout.
     */
    private static final EnvironmentSources SOURCES = new EnvironmentSources() {
        @Override
        public Optional<MetricSpec> of(String environment) {
            return GenesisConfiguration.get().metricSource(environment);
        }

        @Override
        public Optional<WatchThresholds> thresholds(String environment) {
            return GenesisConfiguration.get().watchThresholds(environment);
        }
    };

    private MonitorEngine() {}

    /** Starts the watcher and adopts the watches of the controller before a restart. */
    @Initializer(after = InitMilestone.JOB_LOADED)
    public static synchronized void start() {
        // A Jenkins started again in the same JVM (as tests restart it) runs its initializers again.
        stopped = false;
        try {
            for (String line : running().reconcile()) {
                LOGGER.info(line);
            }
        } catch (AbortException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "the Genesis post-deploy watcher could not start", e);
        }
    }

    /** Forgets the watcher; the rollout engine's own terminator stops the scheduler both share. */
    @Terminator
    public static synchronized void stop() {
        stopped = true;
        host = null;
    }

    /** The watcher, for the step; started on first use, over the rollout engine that runs now. */
    static MonitorHost host() throws AbortException {
        try {
            return running();
        } catch (RuntimeException e) {
            throw new AbortException(Messages.MONITOR_NOT_RUNNING.format() + ": " + e.getMessage());
        }
    }

    /** The environments' configured metric sources, from the global configuration. */
    static EnvironmentSources sources() {
        return SOURCES;
    }

    private static synchronized MonitorHost running() throws AbortException {
        if (stopped) {
            throw new IllegalStateException("Jenkins is shutting down");
        }
        RolloutHost rollouts = DeployEngine.host();
        if (host != null && host.rollouts() == rollouts) {
            return host;
        }
        MonitorHost started =
                new MonitorHost(rollouts, DeployEngine.notifications()::watches, MonitorEngine::showOnItsBuild);
        rollouts.alsoWhenEnded(record -> afterRollout(started, record));
        host = started;
        return started;
    }

    /** After a rollout ended: a success in an environment with a watch window starts its watch. */
    private static void afterRollout(MonitorHost watcher, DeploymentRecord record) {
        try {
            watcher.afterRollout(record, MonitorEngine::environment, SOURCES).ifPresent(LOGGER::info);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not start the post-deploy watch of rollout " + record.id(), e);
        }
    }

    private static Optional<Environment> environment(String name) {
        try {
            return Optional.of(GenesisConfiguration.get().toPolicy().named(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Shows a watch on the page of the build that started it; a build that is gone is left alone. */
    static void showOnItsBuild(String build, WatchState state) {
        try {
            Optional<Run<?, ?>> run = JenkinsFacade.build(build);
            if (run.isPresent()) {
                WatchAction.show(run.get(), state);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not show watch " + state.id() + " on build " + build, e);
        }
    }
}
