package hudson.remoting;

import java.io.IOException;

/**
 * A channel to the machine where a file or a computation lives (or the local machine). Mirrors
 * {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f}. Every abstract method of the real interface is declared.
 */
public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException;

    void close() throws IOException;

    void join() throws InterruptedException;

    void join(long timeout) throws InterruptedException;

    <T> T export(Class<T> type, T instance);

    void syncLocalIO() throws InterruptedException;
}
