package hudson.remoting;

/**
 * The pending result of a computation sent over a channel. Mirrors {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}.
 *
 * @param <V> the result
 */
public interface Future<V> extends java.util.concurrent.Future<V> {}
