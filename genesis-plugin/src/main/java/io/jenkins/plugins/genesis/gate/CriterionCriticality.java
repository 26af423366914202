package io.jenkins.plugins.genesis.gate;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;

/**
 * What a criterion of one kind does when it is not met, for one gate call:
 * {@code criticality(kind: 'coverage', level: 'unstable')}. The environment sets the defaults; a
 * call may only ask for a stricter level (the engine refuses a weaker one, unless the environment
 * allows loosening). Kinds and levels are the engine's ({@link CriterionKind},
 * {@link Criticality}); they are checked when the gate runs.
 */
public final class CriterionCriticality implements Describable<CriterionCriticality>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String level;

    @DataBoundConstructor
    public CriterionCriticality(String kind, String level) {
        this.kind = kind == null ? "" : kind.trim();
        this.level = level == null ? "" : level.trim();
    }

    /** {@code passRate}, {@code coverage}, {@code coverageDrop} or {@code required}. */
    public String getKind() {
        return kind;
    }

    /** {@code note}, {@code unstable}, {@code failure} or {@code error}. */
    public String getLevel() {
        return level;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CriterionCriticality that && kind.equals(that.kind) && level.equals(that.level);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, level);
    }

    @Override
    public String toString() {
        return kind + "=" + level;
    }

    /** The form of one criticality, inside the step's form. */
    @Extension
    @Symbol("criticality")
    public static final class DescriptorImpl extends Descriptor<CriterionCriticality> {

        @Override
        public String getDisplayName() {
            return Messages.CRITICALITY_DISPLAY_NAME.format();
        }

        @POST
        public ListBoxModel doFillKindItems(@AncestorInPath Item item) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            ListBoxModel items = new ListBoxModel();
            for (CriterionKind kind : CriterionKind.values()) {
                if (kind.configurable()) {
                    items.add(kind.key(), kind.key());
                }
            }
            return items;
        }

        @POST
        public ListBoxModel doFillLevelItems(@AncestorInPath Item item) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            ListBoxModel items = new ListBoxModel();
            for (Criticality level : Criticality.values()) {
                items.add(level.key(), level.key());
            }
            return items;
        }
    }
}
