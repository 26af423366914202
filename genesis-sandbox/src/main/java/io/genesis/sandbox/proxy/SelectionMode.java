package io.genesis.sandbox.proxy;

/** How the proxy turns weights into a choice per request. */
public enum SelectionMode {
    /** Exact shares in every run of 100 requests, evenly interleaved; the default, and what tests want. */
    SMOOTH_ROUND_ROBIN {
        @Override
        public WeightedSelector selector(Weights weights, long seed) {
            return new SmoothWeightedRoundRobin(weights);
        }
    },
    /** Independent seeded draws per request, like a stateless load balancer. */
    RANDOM {
        @Override
        public WeightedSelector selector(Weights weights, long seed) {
            return new RandomWeightedSelector(weights, seed);
        }
    };

    /** A fresh selector for {@code weights}; {@code seed} is used by the random mode only. */
    public abstract WeightedSelector selector(Weights weights, long seed);
}
