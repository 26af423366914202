package io.genesis.core.rollout.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.genesis.core.hook.Hook;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * One step of a rollout plan. Steps hold their values as given; {@link PlanValidator} checks them
 * all before anything is touched, so that a bad step is reported with its position and kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Step.DeployCandidate.class, name = "deployCandidate"),
    @JsonSubTypes.Type(value = Step.SmokeCheck.class, name = "smokeCheck"),
    @JsonSubTypes.Type(value = Step.SetWeight.class, name = "setWeight"),
    @JsonSubTypes.Type(value = Step.RollingBatch.class, name = "rollingBatch"),
    @JsonSubTypes.Type(value = Step.Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = Step.AwaitApproval.class, name = "approval"),
    @JsonSubTypes.Type(value = Step.Analyse.class, name = "analysis"),
    @JsonSubTypes.Type(value = Step.Promote.class, name = "promote"),
    @JsonSubTypes.Type(value = Step.ScaleDownPrevious.class, name = "scaleDownPrevious"),
    @JsonSubTypes.Type(value = Step.RunHook.class, name = "hook")
})
public sealed interface Step {

    /** The step's kind as people write it in a custom plan: {@code setWeight}, {@code analysis}. */
    String kind();

    /** What the step does, in a few words: {@code set weight 10.00 %}, {@code analyse 2 min}. */
    String describe();

    /** Whether the step changes the target, so that a rollout past it needs a rollback to undo. */
    boolean touchesTarget();

    /** Calls the {@code visitor} method for this kind of step. */
    <R> R accept(Visitor<R> visitor);

    /**
     * Something done per kind of step. Adding a kind breaks every visitor at compile time, which is
     * the point: no kind can be forgotten.
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
        R deployCandidate(DeployCandidate step);

        R smokeCheck(SmokeCheck step);

        R setWeight(SetWeight step);

        R rollingBatch(RollingBatch step);

        R pause(Pause step);

        R approval(AwaitApproval step);

        R analyse(Analyse step);

        R promote(Promote step);

        R scaleDownPrevious(ScaleDownPrevious step);

        R hook(RunHook step);
    }

    /** Starts the candidate beside the stable version and waits for it to be healthy. */
    record DeployCandidate() implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deployCandidate(this);
        }

        @Override
        public String kind() {
            return "deployCandidate";
        }

        @Override
        public String describe() {
            return "deploy candidate";
        }

        @Override
        public boolean touchesTarget() {
            return true;
        }
    }

    /** Checks the candidate answers before user traffic reaches it. */
    record SmokeCheck() implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.smokeCheck(this);
        }

        @Override
        public String kind() {
            return "smokeCheck";
        }

        @Override
        public String describe() {
            return "smoke check";
        }

        @Override
        public boolean touchesTarget() {
            return false;
        }
    }

    /**
     * Sends {@code weight} of the traffic to the candidate through the traffic router.
     *
     * @param weight the candidate's share, above the previous weight
     */
    record SetWeight(Percentage weight) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setWeight(this);
        }

        public SetWeight {
            Objects.requireNonNull(weight, "weight");
        }

        @Override
        public String kind() {
            return "setWeight";
        }

        @Override
        public String describe() {
            return "set weight " + weight;
        }

        @Override
        public boolean touchesTarget() {
            return true;
        }
    }

    /**
     * Replaces instances until {@code share} of them run the candidate, then waits for health.
     *
     * @param share the share of instances on the candidate after this batch
     * @param bounds how far the batch may step outside the desired count
     */
    record RollingBatch(Percentage share, RollingBounds bounds) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rollingBatch(this);
        }

        public RollingBatch {
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(bounds, "bounds");
        }

        @Override
        public String kind() {
            return "rollingBatch";
        }

        @Override
        public String describe() {
            return "roll " + share + " of instances (" + bounds + ")";
        }

        @Override
        public boolean touchesTarget() {
            return true;
        }
    }

    /**
     * Waits for {@code duration}, leaving traffic where it is.
     *
     * @param duration how long, positive
     */
    record Pause(Duration duration) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pause(this);
        }

        public Pause {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String kind() {
            return "pause";
        }

        @Override
        public String describe() {
            return "pause " + Durations.format(duration);
        }

        @Override
        public boolean touchesTarget() {
            return false;
        }
    }

    /** Waits for an approver to approve; a refusal or a timeout ends the rollout. */
    record AwaitApproval() implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.approval(this);
        }

        @Override
        public String kind() {
            return "approval";
        }

        @Override
        public String describe() {
            return "wait for approval";
        }

        @Override
        public boolean touchesTarget() {
            return false;
        }
    }

    /**
     * Samples the metrics for {@code window} and judges them; a breach rolls back.
     *
     * @param window how long, positive
     */
    record Analyse(Duration window) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.analyse(this);
        }

        public Analyse {
            Objects.requireNonNull(window, "window");
        }

        @Override
        public String kind() {
            return "analysis";
        }

        @Override
        public String describe() {
            return "analyse " + Durations.format(window);
        }

        @Override
        public boolean touchesTarget() {
            return false;
        }
    }

    /** Makes the candidate the stable version; without a traffic router this is the atomic switch. */
    record Promote() implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.promote(this);
        }

        @Override
        public String kind() {
            return "promote";
        }

        @Override
        public String describe() {
            return "promote candidate";
        }

        @Override
        public boolean touchesTarget() {
            return true;
        }
    }

    /**
     * Scales the previous version down {@code delay} after the rollout succeeded; until then a
     * rollback to it is instant. Runs after the rollout's record is written, so it is last.
     *
     * @param delay how long the previous version is kept, not negative
     */
    record ScaleDownPrevious(Duration delay) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scaleDownPrevious(this);
        }

        public ScaleDownPrevious {
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public String kind() {
            return "scaleDownPrevious";
        }

        @Override
        public String describe() {
            return delay.isZero()
                    ? "scale down previous version"
                    : "keep previous version " + Durations.format(delay) + ", then scale it down";
        }

        @Override
        public boolean touchesTarget() {
            return true;
        }
    }

    /**
     * Runs a lifecycle hook and waits for it, polled, up to its time budget. Placed by the planner from
     * the request's hooks: {@code beforeDeploy} before anything is touched, {@code preTraffic} after the
     * candidate is deployed and before any traffic reaches it, {@code afterPromotion} after promote.
     *
     * @param hook the hook, as the request gave it
     */
    record RunHook(Hook hook) implements Step {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hook(this);
        }

        public RunHook {
            Objects.requireNonNull(hook, "hook");
        }

        @Override
        public String kind() {
            return "hook";
        }

        @Override
        public String describe() {
            return "run " + hook.phase().key() + " hook: " + hook.describe();
        }

        @Override
        public boolean touchesTarget() {
            return false;
        }
    }
}
