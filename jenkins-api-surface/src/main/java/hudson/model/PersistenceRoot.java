package hudson.model;

import java.io.File;

/** An object that keeps its files in a directory of its own. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface PersistenceRoot extends Saveable {
    File getRootDir();
}
