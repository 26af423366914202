package hudson;

import java.util.Map;
import java.util.TreeMap;

/**
 * A build's environment variables, as a Pipeline step's context gives them. Mirrors
 * {@code org.jenkins-ci.main:jenkins-core:2.541.3}; the plugin only reads it as a map.
 */
public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    public EnvVars() {
        throw new UnsupportedOperationException();
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException();
    }
}
