package io.genesis.core.rollout.plan;

/** A way of moving traffic from the stable version to a candidate, written out as a plan. */
public interface Strategy {

    /** The strategy's name, as people write it: {@code blueGreen}, {@code rolling}. */
    String name();

    /** The plan for a target that can do what {@code capabilities} say; validated by the caller. */
    Plan plan(Capabilities capabilities);
}
