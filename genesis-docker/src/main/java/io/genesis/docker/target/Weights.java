package io.genesis.docker.target;

import io.genesis.core.policy.Percentage;
import io.genesis.docker.proxy.ProxyServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's percentage into HAProxy server weights. Weights are relative per server, so a
 * candidate with {@code m} containers at {@code w} % beside {@code n} stable ones gets {@code w·n} per
 * container and stable {@code (100−w)·m}, reduced by their greatest common divisor and kept within
 * HAProxy's 0–256. A partial share never becomes none or all (0.4 % → 1 %, 99.6 % → 99 %).
 */
final class Weights {

    private Weights() {}

    /** The whole percentage the proxy is given for {@code weight}. */
    static int percent(Percentage weight) {
        double value = weight.value();
        if (value > 0 && value < 1) {
            return 1;
        }
        if (value > 99 && value < 100) {
            return 99;
        }
        return (int) Math.round(value);
    }

    /** The weight of every named server when {@code candidates} get {@code percent} and {@code stable} the rest. */
    static Map<String, Integer> split(List<String> stable, List<String> candidates, int percent) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (stable.isEmpty()) {
            candidates.forEach(name -> weights.put(name, percent > 0 ? 100 : 0));
            return weights;
        }
        if (candidates.isEmpty()) {
            stable.forEach(name -> weights.put(name, 100));
            return weights;
        }
        long toCandidate = (long) percent * stable.size();
        long toStable = (long) (100 - percent) * candidates.size();
        long divisor = gcd(toCandidate, toStable);
        toCandidate /= divisor;
        toStable /= divisor;
        long largest = Math.max(toCandidate, toStable);
        if (largest > ProxyServer.MAX_WEIGHT) {
            toCandidate = scaled(toCandidate, largest);
            toStable = scaled(toStable, largest);
        }
        for (String name : stable) {
            weights.put(name, (int) toStable);
        }
        for (String name : candidates) {
            weights.put(name, (int) toCandidate);
        }
        return weights;
    }

    private static long scaled(long weight, long largest) {
        if (weight == 0) {
            return 0;
        }
        return Math.max(1, Math.round((double) weight * ProxyServer.MAX_WEIGHT / largest));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(1, a) : gcd(b, a % b);
    }
}
