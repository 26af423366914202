package io.jenkins.plugins.genesis.config;

import static io.jenkins.plugins.genesis.config.ConfigTrees.put;
import static io.jenkins.plugins.genesis.config.ConfigTrees.trimmed;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One channel of an environment's {@code notify:} list, as an administrator sets it up: a Slack
 * incoming webhook, a PagerDuty service or a generic webhook, whose address or routing key is a
 * Secret Text credential named by id (looked up when a notification is sent). The engine's {@code
 * NotificationsBinder} reads {@link #toTree()}; no rule lives here.
 */
public final class NotificationTargetConfig implements Describable<NotificationTargetConfig> {

    private final String name;
    private final String type;
    private final String credentialsId;
    private String url;
    private List<String> events;

    @DataBoundConstructor
    public NotificationTargetConfig(String name, String type, String credentialsId) {
        this.name = trimmed(name);
        this.type = trimmed(type);
        this.credentialsId = trimmed(credentialsId);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** PagerDuty's Events API address, when not the public one; not a secret. */
    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = trimmed(url);
    }

    public List<String> getEvents() {
        return events == null ? null : new ArrayList<>(events);
    }

    @DataBoundSetter
    public void setEvents(List<String> events) {
        this.events = events == null || events.isEmpty() ? null : new ArrayList<>(events);
    }

    /** This channel as the plain tree the engine's binder reads: only the keys that are set. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, "name", name);
        put(tree, "type", type);
        put(tree, "credentialsId", credentialsId);
        put(tree, "url", url);
        put(tree, "events", events);
        return tree;
    }

    /** The form of one channel inside an environment. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<NotificationTargetConfig> {

        @Override
        public String getDisplayName() {
            return Messages.NOTIFICATION_TARGET_DISPLAY_NAME.format();
        }

        /** A list as the form shows it in one text box: entries separated by commas. */
        public String joined(List<String> entries) {
            return entries == null ? "" : String.join(", ", entries);
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return value == null || value.isBlank()
                    ? FormValidation.error(Messages.VALUE_REQUIRED.format())
                    : FormValidation.ok();
        }
    }
}
