package hudson.model;

import hudson.XmlFile;
import hudson.security.Permission;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The singleton that describes a {@link Describable} type: display name, form handling,
 * persistence of its own settings. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 *
 * @param <T> the described type
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException();
    }

    /** Infers the described class from the enclosing class. */
    protected Descriptor() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    /** Applies a submitted form section; {@code false} keeps the user on the page. */
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException();
    }

    /** The permission needed to see and change this descriptor's global settings. */
    public Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load() {
        throw new UnsupportedOperationException();
    }

    /** A form submission that cannot be applied, pointing at the offending field. */
    public static final class FormException extends Exception implements HttpResponse {

        public FormException(String message, String formField) {
            throw new UnsupportedOperationException();
        }

        public String getFormField() {
            throw new UnsupportedOperationException();
        }
    }

    /** Where this descriptor's configuration is kept: {@code <JENKINS_HOME>/<id>.xml}. */
    protected XmlFile getConfigFile() {
        throw new UnsupportedOperationException();
    }
}
