package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Where a build or step writes its console log. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its default methods are left out. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
