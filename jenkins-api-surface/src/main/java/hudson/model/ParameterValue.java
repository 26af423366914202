package hudson.model;

import java.io.Serializable;

/** The value of one build parameter. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; declared as a type only. */
public abstract class ParameterValue implements Serializable {

    private ParameterValue() {
        throw new UnsupportedOperationException();
    }
}
