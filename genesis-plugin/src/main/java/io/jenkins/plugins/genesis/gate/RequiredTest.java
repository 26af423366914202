package io.jenkins.plugins.genesis.gate;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named set of tests that must all pass, whatever the pass rate:
 * {@code required(name: 'critical', pattern: '*Critical*')}. The engine checks the name and the
 * pattern when the gate runs; the form checks them as they are typed.
 */
public final class RequiredTest implements Describable<RequiredTest>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String pattern;

    @DataBoundConstructor
    public RequiredTest(String name, String pattern) {
        this.name = name == null ? "" : name.trim();
        this.pattern = pattern == null ? "" : pattern.trim();
    }

    /** The selector's name, shown in the verdict as {@code required.<name>}. */
    public String getName() {
        return name;
    }

    /** The glob matched against each test's class name, its name, and {@code class.name}. */
    public String getPattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequiredTest that && name.equals(that.name) && pattern.equals(that.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pattern);
    }

    @Override
    public String toString() {
        return name + "='" + pattern + "'";
    }

    /** The form of one required-test selector, inside the step's form. */
    @Extension
    @Symbol("required")
    public static final class DescriptorImpl extends Descriptor<RequiredTest> {

        @Override
        public String getDisplayName() {
            return Messages.REQUIRED_TEST_DISPLAY_NAME.format();
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkSelectorName(value));
        }

        @POST
        public FormValidation doCheckPattern(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return GateValidation.answer(GateValidation.checkSelectorPattern(value));
        }
    }
}
