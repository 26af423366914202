package hudson.model;

import java.io.IOException;

/**
 * A {@link ViewGroup} whose views can be added. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 * Here as a supertype of folders; every abstract method of the real interface is declared.
 */
public interface ModifiableViewGroup extends ViewGroup {

    void addView(View view) throws IOException;
}
