package jenkins.model;

import java.io.IOException;

/** An object that can read its state back from disk. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface Loadable {
    void load() throws IOException;
}
