package hudson.cli;

import java.io.InputStream;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Runs a Jenkins CLI command inside a test's Jenkins, in process. Mirrors
 * {@code org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37}. Genesis' Pipeline tests
 * create and build jobs through it (the {@code create-job} and {@code build} commands), which
 * keeps the Pipeline job and run classes, and their long chains of supertypes, out of this
 * surface.
 */
public class CLICommandInvoker {

    /** An invoker of the command called {@code command}. */
    public CLICommandInvoker(JenkinsRule rule, String command) {
        throw new UnsupportedOperationException();
    }

    /** Feeds {@code stdin} to the command. */
    public CLICommandInvoker withStdin(InputStream stdin) {
        throw new UnsupportedOperationException();
    }

    /** Runs the command with {@code args}. */
    public Result invokeWithArgs(String... args) {
        throw new UnsupportedOperationException();
    }

    /** How a command ended: its exit code and what it printed. */
    public static class Result {

        private Result() {
            throw new UnsupportedOperationException();
        }

        public int returnCode() {
            throw new UnsupportedOperationException();
        }

        public String stdout() {
            throw new UnsupportedOperationException();
        }

        public String stderr() {
            throw new UnsupportedOperationException();
        }
    }
}
