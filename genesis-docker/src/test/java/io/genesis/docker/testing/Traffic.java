package io.genesis.docker.testing;

import java.util.Map;
import java.util.TreeMap;

/** Requests through a proxy, counted by the version that answered ({@code X-Genesis-Version}). */
public final class Traffic {

    private Traffic() {}

    /** {@code count} sequential {@code GET /} to 127.0.0.1:{@code port}, counted by answering version ("none" for no answer, "5xx" added for errors). */
    public static Map<String, Integer> count(int port, int count) {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            answers.merge(once(port), 1, Integer::sum);
        }
        return answers;
    }

    /** The version that answered one request, with {@code :5xx} for a server error; {@code none} without an answer. */
    public static String once(int port) {
        return io.genesis.docker.sample.SampleTraffic.once(port);
    }

    /** The share in percent of {@code count} requests answered by {@code version} without an error. */
    public static double share(int port, String version, int count) {
        return 100.0 * count(port, count).getOrDefault(version, 0) / count;
    }
}
