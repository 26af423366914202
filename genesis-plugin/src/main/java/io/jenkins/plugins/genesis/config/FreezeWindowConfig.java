package io.jenkins.plugins.genesis.config;

import static io.jenkins.plugins.genesis.config.ConfigTrees.put;
import static io.jenkins.plugins.genesis.config.ConfigTrees.trimmed;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One window of an environment's {@code freeze:} list, as an administrator sets it up: recurring
 * ({@code cron} and {@code duration}) or dated ({@code from} and {@code until}), in its own time zone.
 * The engine's {@code FreezeBinder} reads {@link #toTree()} and holds every rule; none lives here.
 */
public final class FreezeWindowConfig implements Describable<FreezeWindowConfig> {

    private final String reason;
    private final String timeZone;
    private String cron;
    private String duration;
    private String from;
    private String until;

    @DataBoundConstructor
    public FreezeWindowConfig(String reason, String timeZone) {
        this.reason = trimmed(reason);
        this.timeZone = trimmed(timeZone);
    }

    public String getReason() {
        return reason;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** When a recurring window starts, as five cron fields such as {@code 0 18 * * FRI}. */
    public String getCron() {
        return cron;
    }

    @DataBoundSetter
    public void setCron(String cron) {
        this.cron = trimmed(cron);
    }

    /** How long a recurring window lasts, such as {@code 62h}. */
    public String getDuration() {
        return duration;
    }

    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = trimmed(duration);
    }

    /** When a dated window starts, local to its time zone, such as {@code 2026-12-20T00:00}. */
    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = trimmed(from);
    }

    /** When a dated window ends, local to its time zone. */
    public String getUntil() {
        return until;
    }

    @DataBoundSetter
    public void setUntil(String until) {
        this.until = trimmed(until);
    }

    /** This window as the plain tree the engine's binder reads: only the keys that are set. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, "reason", reason);
        put(tree, "timeZone", timeZone);
        put(tree, "cron", cron);
        put(tree, "duration", duration);
        put(tree, "from", from);
        put(tree, "until", until);
        return tree;
    }

    /** The form of one freeze window inside an environment. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<FreezeWindowConfig> {

        @Override
        public String getDisplayName() {
            return Messages.FREEZE_WINDOW_DISPLAY_NAME.format();
        }
    }
}
