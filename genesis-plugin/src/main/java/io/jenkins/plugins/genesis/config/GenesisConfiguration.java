package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import io.genesis.core.freeze.FreezeBinder;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.RetentionBinder;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.sources.MetricsBinder;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchThresholdsBinder;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The "Genesis" section of Manage Jenkins, System: the environments a team deploys to, with their
 * gates, approvals and allowed refs. Configuration as Code reads and writes it under
 * {@code unclassified: genesis:}. Until an administrator saves something, it holds the engine's
 * defaults ({@link Environments#defaults()}).
 */
@Extension
@Symbol("genesis")
public final class GenesisConfiguration extends GlobalConfiguration {

    static final String ENVIRONMENTS = "environments";

    private List<EnvironmentConfig> environments =
            new ArrayList<>(EnvironmentTranslation.fromEngine(Environments.defaults()));

    /** Called by Jenkins; reads the saved configuration over the defaults, if there is one. */
    public GenesisConfiguration() {
        load();
    }

    /** The registered instance. */
    public static GenesisConfiguration get() {
        return JenkinsFacade.singleton(GenesisConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.CONFIGURATION_DISPLAY_NAME.format();
    }

    public List<EnvironmentConfig> getEnvironments() {
        return Collections.unmodifiableList(environments);
    }

    /**
     * Replaces all environments and saves; used by Configuration as Code.
     *
     * @throws IllegalArgumentException with the engine's message when it rejects a value
     */
    @DataBoundSetter
    public void setEnvironments(List<EnvironmentConfig> environments) {
        List<EnvironmentConfig> replacement = new ArrayList<>(environments == null ? List.of() : environments);
        Optional<String> problem = EnvironmentValidation.checkAll(replacement);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.environments = replacement;
        save();
    }

    /**
     * Applies the submitted page. The submitted list replaces the old one entirely: an
     * environment removed on the page is gone, and no environment is merged with an old one.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<EnvironmentConfig> submitted =
                req.bindJSONToList(EnvironmentConfig.class, FormLists.split(json.opt(ENVIRONMENTS)));
        Optional<String> problem = EnvironmentValidation.checkAll(submitted);
        if (problem.isPresent()) {
            throw new FormException(problem.get(), ENVIRONMENTS);
        }
        this.environments = new ArrayList<>(submitted);
        save();
        return true;
    }

    /** The environment called {@code name}, as configured. */
    public Optional<EnvironmentConfig> environment(String name) {
        return environments.stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    /**
     * The metric source the environment called {@code name} is measured by, if one is configured
     * ({@code metrics:}), as the engine's binder reads it.
     */
    public Optional<MetricSpec> metricSource(String name) {
        return environments.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(
                        MetricsBinder.bind(EnvironmentBinder.bind(EnvironmentTranslation.document(environments)))
                                .get(name));
    }

    /**
     * The post-deploy watch thresholds of the environment called {@code name}, if its configuration sets
     * them ({@code watchThresholds:}), as the engine's binder reads them.
     */
    public Optional<WatchThresholds> watchThresholds(String name) {
        return environments.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(WatchThresholdsBinder.bind(
                                EnvironmentBinder.bind(EnvironmentTranslation.document(environments)))
                        .get(name));
    }

    /**
     * How long each environment's deployment records are kept: its {@code retention:} where the
     * configuration sets one, else the default, as the engine's binder reads them.
     */
    public RecordRetention retention() {
        return environments.isEmpty()
                ? RecordRetention.DEFAULT
                : RecordRetention.of(
                        RetentionBinder.bind(EnvironmentBinder.bind(EnvironmentTranslation.document(environments))));
    }

    /** The freeze windows of the environment called {@code name}, as the engine's binder reads them. */
    public FreezeCalendar freeze(String name) {
        if (environments.isEmpty()) {
            return FreezeCalendar.NONE;
        }
        return EnvironmentBinder.bind(EnvironmentTranslation.document(environments)).entries().stream()
                .filter(entry -> entry.name().equals(name))
                .findFirst()
                .map(FreezeBinder::calendar)
                .orElse(FreezeCalendar.NONE);
    }

    /**
     * The configured environments as the engine uses them.
     *
     * @throws IllegalArgumentException when a stored value is no longer acceptable to the engine
     */
    public Environments toPolicy() {
        return EnvironmentTranslation.toEngine(environments);
    }

    /**
     * Where each environment's notifications go, as configured.
     *
     * @throws IllegalArgumentException when a stored target is no longer acceptable to the engine
     */
    public NotificationTargets toNotificationTargets() {
        return EnvironmentTranslation.notifications(environments);
    }
}
