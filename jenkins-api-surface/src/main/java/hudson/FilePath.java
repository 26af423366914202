package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * A file or directory on the controller or on an agent, with operations that run where the file
 * is. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. Only Jenkins hands these out here, so no constructor is
 * declared.
 */
public final class FilePath implements SerializableOnlyOverRemoting {

    private FilePath() {
        throw new UnsupportedOperationException();
    }

    /** Runs {@code callable} on the machine that holds this file, with this file as its argument. */
    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    /**
     * Work to do on the machine that holds a file.
     *
     * @param <T> what the work returns to the caller
     */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        /** Does the work, where {@code f} is a local file. */
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
