package io.genesis.core.rollout.plan;

import io.genesis.core.policy.Percentage;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a plan against the rules every rollout relies on, before anything is touched: weights
 * and batches rise to 100 %, durations are positive, the candidate is deployed before it is
 * checked or given traffic, it is promoted exactly once, and the target can do what the plan
 * asks. Each problem names the step by position and kind.
 */
public final class PlanValidator {

    private PlanValidator() {}

    /** Throws {@link InvalidPlanException} listing every problem, or returns {@code plan}. */
    public static Plan requireValid(Plan plan, Capabilities capabilities) {
        List<String> problems = problems(plan, capabilities);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(plan.strategy(), problems);
        }
        return plan;
    }

    /** Every problem in {@code plan}, in step order; empty when it is valid. */
    public static List<String> problems(Plan plan, Capabilities capabilities) {
        Walk walk = new Walk(capabilities);
        walk.rollingPlan = plan.steps().stream().anyMatch(Step.RollingBatch.class::isInstance);
        if (plan.steps().isEmpty()) {
            walk.problems.add("the plan has no steps; it needs at least a promote step");
            return walk.problems;
        }
        for (int i = 0; i < plan.size(); i++) {
            walk.visit(i, plan.step(i), i == plan.size() - 1);
        }
        walk.finish();
        return walk.problems;
    }

    /** The state of one pass over a plan. */
    private static final class Walk {
        private final Capabilities capabilities;
        private final List<String> problems = new ArrayList<>();
        private boolean deployedCandidate;
        private boolean rolled;
        private boolean promoted;
        private boolean rollingPlan;
        private Percentage lastWeight;
        private Percentage lastShare;

        Walk(Capabilities capabilities) {
            this.capabilities = capabilities;
        }

        void visit(int index, Step step, boolean last) {
            String name = Plan.name(index, step);
            if (promoted && step.touchesTarget() && !(step instanceof Step.ScaleDownPrevious)) {
                problems.add(name + ": comes after promote; only analysis, pauses and scaleDownPrevious may follow it");
            }
            step.accept(new Step.Visitor<Void>() {
                @Override
                public Void deployCandidate(Step.DeployCandidate step) {
                    deploy(name);
                    return null;
                }

                @Override
                public Void smokeCheck(Step.SmokeCheck step) {
                    requireDeployed(name);
                    return null;
                }

                @Override
                public Void setWeight(Step.SetWeight step) {
                    weight(name, step);
                    return null;
                }

                @Override
                public Void rollingBatch(Step.RollingBatch step) {
                    batch(name, step);
                    return null;
                }

                @Override
                public Void pause(Step.Pause step) {
                    requirePositive(name, "pause duration", step.duration());
                    return null;
                }

                @Override
                public Void approval(Step.AwaitApproval step) {
                    if (promoted) {
                        problems.add(name + ": asks for approval after promote, when there is nothing left to approve");
                    }
                    return null;
                }

                @Override
                public Void analyse(Step.Analyse step) {
                    requireDeployed(name);
                    requirePositive(name, "analysis window", step.window());
                    return null;
                }

                @Override
                public Void promote(Step.Promote step) {
                    PlanValidator.Walk.this.promote(name);
                    return null;
                }

                @Override
                public Void scaleDownPrevious(Step.ScaleDownPrevious step) {
                    scaleDown(name, step, last);
                    return null;
                }

                @Override
                public Void hook(Step.RunHook step) {
                    PlanValidator.Walk.this.hook(name, step);
                    return null;
                }
            });
        }

        private void deploy(String name) {
            if (deployedCandidate) {
                problems.add(name + ": deploys the candidate a second time; keep one deployCandidate step");
            }
            if (rolled) {
                problems.add(name + ": a rolling plan replaces instances in place; remove deployCandidate");
            }
            deployedCandidate = true;
        }

        private void weight(String name, Step.SetWeight step) {
            requireDeployed(name);
            if (!capabilities.trafficRouter()) {
                problems.add(name + ": " + capabilities.target() + " has no traffic router, and weights need one;"
                        + " use blueGreen (one atomic switch) or rolling");
            }
            if (step.weight().value() <= 0) {
                problems.add(name + ": weight must be above 0 %, got " + step.weight());
            } else if (lastWeight != null && step.weight().compareTo(lastWeight) <= 0) {
                problems.add(name + ": weight " + step.weight() + " must rise above the previous weight " + lastWeight);
            }
            if (rolled) {
                problems.add(name + ": mixes traffic weights with rolling batches; use one or the other");
            }
            lastWeight = step.weight();
        }

        private void batch(String name, Step.RollingBatch step) {
            if (!capabilities.rollingUpdates()) {
                problems.add(name + ": " + capabilities.target()
                        + " cannot replace instances in batches; use blueGreen or canary");
            }
            if (deployedCandidate || lastWeight != null) {
                problems.add(name + ": mixes rolling batches with a separate candidate or traffic weights;"
                        + " a rolling plan only has batches");
            }
            if (step.share().value() <= 0) {
                problems.add(name + ": share must be above 0 %, got " + step.share());
            } else if (lastShare != null && step.share().compareTo(lastShare) <= 0) {
                problems.add(name + ": share " + step.share() + " must rise above the previous batch's " + lastShare);
            }
            if (lastShare != null
                    && step.share().value() - lastShare.value() > step.bounds().batch() + 1e-9) {
                problems.add(name + ": moves "
                        + String.format(
                                java.util.Locale.ROOT, "%.2f", step.share().value() - lastShare.value())
                        + " points in one batch, more than " + step.bounds() + " allow");
            }
            rolled = true;
            lastShare = step.share();
        }

        private void promote(String name) {
            if (promoted) {
                problems.add(name + ": promotes a second time; keep one promote step");
            }
            requireDeployed(name);
            if (lastWeight != null && !lastWeight.equals(Percentage.HUNDRED)) {
                problems.add(name + ": traffic reaches only " + lastWeight
                        + " before promote; the last weight must be 100 %");
            }
            if (lastShare != null && !lastShare.equals(Percentage.HUNDRED)) {
                problems.add(name + ": only " + lastShare + " of instances run the candidate before promote;"
                        + " the last batch must reach 100 %");
            }
            promoted = true;
        }

        private void scaleDown(String name, Step.ScaleDownPrevious step, boolean last) {
            if (!promoted) {
                problems.add(name + ": scales the previous version down before the candidate is promoted");
            }
            if (!last) {
                problems.add(name + ": must be the last step, because it runs after the rollout has succeeded");
            }
            if (step.delay().isNegative()) {
                problems.add(name + ": delay must not be negative, got " + step.delay());
            }
        }

        /** Each phase where it means what it says: before anything, before any traffic, after promote. */
        private void hook(String name, Step.RunHook step) {
            switch (step.hook().phase()) {
                case BEFORE_DEPLOY -> {
                    if (deployedCandidate || rolled || lastWeight != null || promoted) {
                        problems.add(name + ": a beforeDeploy hook must come before anything is deployed");
                    }
                }
                case PRE_TRAFFIC -> {
                    if (!deployedCandidate) {
                        problems.add(name + ": a preTraffic hook needs a candidate deployed beside the stable"
                                + " version, before traffic; "
                                + (rollingPlan
                                        ? "rolling sends traffic to each batch, so use blueGreen or canary"
                                        : "put it after deployCandidate"));
                    }
                    if (lastWeight != null || promoted) {
                        problems.add(name + ": a preTraffic hook must come before the first traffic weight and"
                                + " before promote");
                    }
                }
                case AFTER_PROMOTION -> {
                    if (!promoted) {
                        problems.add(name + ": an afterPromotion hook must come after promote");
                    }
                }
                case ON_ROLLBACK ->
                    problems.add(name + ": an onRollback hook runs with a rollback, not as a step; give it to"
                            + " the request's hooks instead");
            }
        }

        private void requireDeployed(String name) {
            if (!deployedCandidate && !rolled) {
                problems.add(name + ": nothing is deployed yet; put a deployCandidate step (or rolling batches) first");
            }
        }

        private void requirePositive(String name, String what, java.time.Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                problems.add(name + ": " + what + " must be positive, got " + duration);
            }
        }

        void finish() {
            if (!promoted) {
                problems.add("the plan never promotes the candidate; add a promote step once traffic reaches 100 %");
            }
        }
    }
}
