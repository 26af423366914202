package io.genesis.docker.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real traffic through a proxy while a rollout runs: a few threads sending {@code GET /} one after the
 * other, each answer counted by the version that gave it ({@link Traffic#once}) and kept in order with
 * the time it arrived ({@code System.nanoTime}).
 */
public final class Load implements AutoCloseable {

    /** One answer: when its request was sent, when the answer arrived, and who gave it. */
    public record Answer(long sent, long nanos, String by) {}

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private Load(int port, int workers) {
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(
                    () -> {
                        while (running) {
                            long sent = System.nanoTime();
                            String by = Traffic.once(port);
                            answers.add(new Answer(sent, System.nanoTime(), by));
                            counts.merge(by, 1, Integer::sum);
                            DockerFixture.pause(2);
                        }
                    },
                    "docker-load-" + i);
            worker.setDaemon(true);
            worker.start();
            this.workers.add(worker);
        }
    }

    public static Load start(int port, int workers) {
        return new Load(port, workers);
    }

    /** Answers so far by who gave them ({@code 2.0.0}, {@code 2.0.0:500}, {@code none}, ...). */
    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /**
     * The moment from which every answer came from {@code version}: when the first request was sent after
     * the last answer from anything else (or no answer), if some answer came after it. Read after
     * {@link #close()}; a client polling every few milliseconds sees it that late at most.
     */
    public java.util.OptionalLong allFrom(String version) {
        List<Answer> inOrder = new ArrayList<>(answers);
        inOrder.sort(java.util.Comparator.comparingLong(Answer::sent));
        int first = inOrder.size();
        while (first > 0 && inOrder.get(first - 1).by().equals(version)) {
            first--;
        }
        return first == inOrder.size()
                ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(inOrder.get(first).sent());
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
