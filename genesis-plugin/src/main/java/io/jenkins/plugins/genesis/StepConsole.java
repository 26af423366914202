package io.jenkins.plugins.genesis;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A waiting step's lines to its build's console, from the engine's thread. The console may be gone
 * (the build ended meanwhile): the engine's own records keep everything, so a lost line is only logged.
 */
public final class StepConsole {

    private static final Logger LOGGER = Logger.getLogger(StepConsole.class.getName());

    private StepConsole() {}

    /** Writes {@code line} to the console of the build {@code context} belongs to, if it is still there. */
    public static void println(StepContext context, String line) {
        try {
            TaskListener listener = context.get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(line);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.FINE, "could not write to the build's console", e);
        }
    }
}
