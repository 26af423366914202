package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** The options of a drop-down list, as a form's fill method answers them. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        throw new UnsupportedOperationException();
    }

    /** Adds an option showing {@code displayName} and submitting {@code value}. */
    public void add(String displayName, String value) {
        throw new UnsupportedOperationException();
    }

    /** One option of the list. */
    public static final class Option {

        private Option() {
            throw new UnsupportedOperationException();
        }
    }
}
