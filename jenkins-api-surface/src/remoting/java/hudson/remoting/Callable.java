package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * A computation sent over a channel. Mirrors {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}; its default methods are left out.
 *
 * @param <V> the result
 * @param <T> the exception it may throw
 */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
