package hudson.model;

import java.io.Serializable;

/** A health score with a description. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; declared as a type only. */
public class HealthReport implements Serializable, Comparable<HealthReport> {

    @Override
    public int compareTo(HealthReport o) {
        throw new UnsupportedOperationException();
    }
}
