package io.jenkins.plugins.casc.misc.junit.jupiter;

import java.nio.file.Path;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Configuration as Code round trip for JUnit 5: applies a YAML resource, checks it, applies
 * it again through the web UI, restarts Jenkins and checks it once more. Mirrors
 * {@code io.jenkins.configuration-as-code:test-harness:2117.vc05a_0b_e6b_f4e}. Its test method is
 * left out: it only runs in the real plugin build.
 */
@WithJenkins
public abstract class AbstractRoundTripTest {

    public Path tempFolder;

    /** Checks that Jenkins is configured as {@code configContent} says. */
    protected abstract void assertConfiguredAsExpected(JenkinsRule j, String configContent);

    /** Text the Configuration as Code log must contain after the restart. */
    protected abstract String stringInLogExpected();

    /** The YAML resource, relative to the test class; by default {@code configuration-as-code.yaml}. */
    protected String configResource() {
        throw new UnsupportedOperationException();
    }
}
