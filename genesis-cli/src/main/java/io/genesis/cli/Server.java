package io.genesis.cli;

import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.Watcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code genesis serve} runs: every watch of one state directory on the engine's one scheduler
 * thread (no thread per watch), and, every poll interval on that same thread, the watches other
 * processes registered or left behind (a deploy, a server that stopped) and the other work that is
 * due. Closing it is the graceful stop: the watches it ran are handed over, claims run out, so the
 * next server adopts them at once.
 */
final class Server implements AutoCloseable {

    /** Work a server does when it is due, besides watches; it must return quickly and may throw. */
    @FunctionalInterface
    interface DueWork {
        void runDue(Instant now);
    }

    private static final String POLL_KEY = "serve-poll";

    private final Engine engine;
    private final Clock clock;
    private final Progress progress;
    private final Duration poll;
    private final List<DueWork> work;
    private final Watcher watcher;
    private volatile boolean stopped;

    private Server(Engine engine, Host host, Progress progress, Duration poll, List<DueWork> work) {
        this.engine = engine;
        this.clock = host.clock();
        this.progress = progress;
        this.poll = poll;
        this.work = List.copyOf(work);
        this.watcher = EngineWatcher.of(
                engine,
                host,
                event -> progress.line("watch " + event.id() + " (" + event.key() + "): " + event.message()));
    }

    /**
     * Adopts every watch of {@code engine}'s state directory that nobody runs, and polls for more.
     *
     * @param poll how often the state directory is looked at for new watches and due work
     * @param work what else runs every poll (the notification outbox)
     */
    static Server start(Engine engine, Host host, Progress progress, Duration poll, List<DueWork> work) {
        requirePositive(poll);
        Server server = new Server(engine, host, progress, poll, work);
        server.poll();
        return server;
    }

    /** A poll interval must be positive; the message names the option that sets it. */
    static Duration requirePositive(Duration poll) {
        Objects.requireNonNull(poll, "poll");
        if (poll.isZero() || poll.isNegative()) {
            throw new IllegalArgumentException(
                    "--poll-interval must be longer than 0 s, got " + poll + "; give one such as 5s");
        }
        return poll;
    }

    /** The watches this server runs now. */
    List<WatchId> running() {
        return List.copyOf(watcher.running());
    }

    private void poll() {
        if (stopped) {
            return;
        }
        try {
            List<WatchId> adopted = watcher.reconcile();
            if (!adopted.isEmpty()) {
                progress.line("picked up " + adopted.size() + " watch(es): " + adopted + "; running "
                        + watcher.running().size());
            }
        } catch (RuntimeException e) {
            progress.line("warning: could not look for watches in "
                    + engine.dir().watchDir() + ": " + e.getMessage() + "; trying again in " + poll.toMillis() + " ms");
        }
        for (DueWork due : work) {
            try {
                due.runDue(clock.instant());
            } catch (RuntimeException e) {
                progress.line("warning: scheduled work failed and will be tried again: " + e.getMessage());
            }
        }
        if (!stopped) {
            engine.scheduler().schedule(POLL_KEY, clock.instant().plus(poll), this::poll);
        }
    }

    /** Stops polling and hands every watch over to the next server; a sample under way finishes first. */
    @Override
    public void close() {
        stopped = true;
        engine.scheduler().cancel(POLL_KEY);
        List<WatchId> released = watcher.release();
        progress.line("stopped: " + released.size() + " running watch(es) handed over; the next 'genesis serve' on "
                + engine.dir() + " resumes them where they are");
    }
}
