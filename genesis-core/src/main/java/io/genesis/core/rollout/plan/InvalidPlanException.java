package io.genesis.core.rollout.plan;

import java.util.List;

/** A plan that would not work, with every problem found; nothing has been touched. */
public class InvalidPlanException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidPlanException(String strategy, List<String> problems) {
        super("the " + strategy + " plan is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
