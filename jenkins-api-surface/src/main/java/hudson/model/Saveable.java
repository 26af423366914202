package hudson.model;

import java.io.IOException;

/** An object that can write itself to disk. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface Saveable {
    void save() throws IOException;
}
