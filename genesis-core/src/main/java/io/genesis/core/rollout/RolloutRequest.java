package io.genesis.core.rollout;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.StrategySettings;
import io.genesis.core.rollout.plan.TrafficShift;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asks the engine to roll out, stored with the rollout so that a restarted engine
 * carries on with exactly the same request. Holds no secret: targets and metric sources name
 * credentials by id.
 *
 * @param key the application and environment
 * @param commit the commit to deploy
 * @param ref the branch or tag it was built from, as the SCM says
 * @param version the version people see, from {@link Version#of}
 * @param strategy the strategy's name
 * @param strategySettings how the strategy is tuned: shifts, rollback window, rolling bounds or custom steps
 * @param approval who must approve, from the environment
 * @param refs which refs may deploy, from the environment
 * @param target where to deploy
 * @param metrics where measurements come from, or {@code null} when the plan analyses nothing
 * @param analysis how measurements are judged
 * @param initiator who started the rollout
 * @param build the build that started it, if any (may be empty)
 * @param notes facts to keep in the record, such as a gate bypassed with {@code force} and its reason
 * @param initiatorAccount the account that started the rollout (the operating-system user, or the
 *     authenticated Jenkins user), beside the name {@code initiator} claims; the initiator when not given
 * @param healthDeadline how long the candidate, a batch, a weight or promotion may take to become healthy or
 *     applied before the step fails, from the environment ({@link Environment#healthDeadlineFor}); {@code null}
 *     in a rollout stored before requests carried it, which then takes the engine's
 *     {@link EngineSettings#progressDeadline()}
 * @param hooks the lifecycle hooks to run, in order per phase (none when not given)
 * @param buildDate when the build that produced the version ran (the release manifest's build date), or
 *     {@code null} when not known; absent from requests stored before it existed
 * @param freezeOverride the reason a person gave for deploying through a freeze (force), so that the
 *     engine also promotes through one and notes it again; empty when the deploy was not forced
 * @param commitTime when the commit was made (its committer date, {@link CommitTime}), or {@code null} when not
 *     known; absent from requests stored before it existed
 * @param freezes the freeze windows that applied to the environment when the engine accepted the deploy,
 *     stored with the rollout so that whichever engine carries it on (another process, a restarted
 *     controller) checks them again before promotion; none in a rollout stored before requests carried them
 */
public record RolloutRequest(
        DeploymentKey key,
        String commit,
        SourceRef ref,
        Version version,
        String strategy,
        StrategySettings strategySettings,
        ApprovalPolicy approval,
        RefPolicy refs,
        TargetSpec target,
        MetricSpec metrics,
        AnalysisThresholds analysis,
        String initiator,
        String build,
        List<String> notes,
        String initiatorAccount,
        Duration healthDeadline,
        List<Hook> hooks,
        Instant buildDate,
        String freezeOverride,
        Instant commitTime,
        FreezeCalendar freezes) {

    public RolloutRequest {
        Objects.requireNonNull(key, "key");
        commit = Version.requireCommit(commit);
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(strategy, "strategy");
        strategySettings = strategySettings == null ? StrategySettings.DEFAULTS : strategySettings;
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(refs, "refs");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(analysis, "analysis");
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("initiator must name who starts the rollout");
        }
        build = build == null ? "" : build;
        notes = notes == null ? List.of() : List.copyOf(notes);
        initiatorAccount = initiatorAccount == null || initiatorAccount.isBlank() ? initiator : initiatorAccount;
        if (healthDeadline != null && (healthDeadline.isNegative() || healthDeadline.isZero())) {
            throw new IllegalArgumentException("healthDeadline must be longer than 0 s, got " + healthDeadline);
        }
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        freezeOverride = freezeOverride == null ? "" : freezeOverride.strip();
        freezes = freezes == null ? FreezeCalendar.NONE : freezes;
    }

    /** Whether the deploy was forced through freezes, with {@link #freezeOverride} as its reason. */
    public boolean forcedThroughFreeze() {
        return !freezeOverride.isEmpty();
    }

    /** How long a step may wait to be healthy or applied: this request's deadline, else {@code otherwise}. */
    public Duration healthDeadlineOr(Duration otherwise) {
        return healthDeadline == null ? otherwise : healthDeadline;
    }

    /** This request with {@code hook} run after its other hooks of the same phase. */
    public RolloutRequest withHook(Hook hook) {
        List<Hook> more = new ArrayList<>(hooks);
        more.add(Objects.requireNonNull(hook, "hook"));
        return with(more, freezes);
    }

    /** This request with {@code more}'s freeze windows too: a host may add windows, never remove them. */
    public RolloutRequest withFreezes(FreezeCalendar more) {
        FreezeCalendar all = freezes.plus(more);
        return all.equals(freezes) ? this : with(hooks, all);
    }

    private RolloutRequest with(List<Hook> hooks, FreezeCalendar freezes) {
        return new RolloutRequest(
                key,
                commit,
                ref,
                version,
                strategy,
                strategySettings,
                approval,
                refs,
                target,
                metrics,
                analysis,
                initiator,
                build,
                notes,
                initiatorAccount,
                healthDeadline,
                hooks,
                buildDate,
                freezeOverride,
                commitTime,
                freezes);
    }

    /** The hooks of {@code phase}, in the order given. */
    public List<Hook> hooks(HookPhase phase) {
        return hooks.stream().filter(hook -> hook.phase() == phase).toList();
    }

    /** A request to deploy {@code application} to {@code environment} under the environment's rules. */
    public static Builder builder(String application, Environment environment) {
        return new Builder(application, environment);
    }

    /** Builds a request; the version follows from the ref and commit unless set. */
    public static final class Builder {
        private final DeploymentKey key;
        private final Environment environment;
        private String commit;
        private SourceRef ref;
        private Version version;
        private String strategy = "blueGreen";
        private StrategySettings strategySettings = StrategySettings.DEFAULTS;
        private TargetSpec target;
        private MetricSpec metrics;
        private AnalysisThresholds analysis = AnalysisThresholds.defaults();
        private String initiator;
        private String initiatorAccount;
        private String build = "";
        private Instant buildDate;
        private Instant commitTime;
        private String freezeOverride = "";
        private final List<String> notes = new ArrayList<>();
        private Duration healthDeadline;
        private final List<Hook> hooks = new ArrayList<>();

        private Builder(String application, Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            this.key = new DeploymentKey(application, environment.name());
            this.healthDeadline = environment.healthDeadline();
        }

        /**
         * The deploy's own health deadline, if it asks for one: at most the environment's
         * ({@link Environment#healthDeadlineFor}); the environment's when {@code asked} is empty.
         *
         * @param option how the front door spells the option, for the message
         * @throws IllegalArgumentException naming the option, the value and the environment's bound
         */
        public Builder healthDeadline(Optional<Duration> asked, String option) {
            this.healthDeadline = environment.healthDeadlineFor(asked, option);
            return this;
        }

        public Builder commit(String value) {
            this.commit = value;
            return this;
        }

        public Builder ref(SourceRef value) {
            this.ref = value;
            return this;
        }

        public Builder version(Version value) {
            this.version = value;
            return this;
        }

        public Builder strategy(String value) {
            this.strategy = value;
            return this;
        }

        public Builder strategySettings(StrategySettings value) {
            this.strategySettings = Objects.requireNonNull(value, "strategySettings");
            return this;
        }

        public Builder customSteps(List<Step> value) {
            this.strategySettings = strategySettings.withCustomSteps(value);
            return this;
        }

        public Builder rollingBounds(RollingBounds value) {
            this.strategySettings = strategySettings.withRollingBounds(value);
            return this;
        }

        /** The traffic shifts of blue-green or canary, replacing the release guide's. */
        public Builder shifts(List<TrafficShift> value) {
            this.strategySettings = strategySettings.withShifts(value);
            return this;
        }

        /** How long blue-green keeps the previous version, replacing the release guide's 24 h. */
        public Builder keepPrevious(Duration value) {
            this.strategySettings = strategySettings.withKeepPrevious(value);
            return this;
        }

        public Builder target(TargetSpec value) {
            this.target = value;
            return this;
        }

        public Builder metrics(MetricSpec value) {
            this.metrics = value;
            return this;
        }

        public Builder analysis(AnalysisThresholds value) {
            this.analysis = value;
            return this;
        }

        /** The account that runs the rollout, as the host knows it, beside the claimed initiator. */
        public Builder initiatorAccount(String value) {
            this.initiatorAccount = value;
            return this;
        }

        public Builder initiator(String value) {
            this.initiator = value;
            return this;
        }

        public Builder fromBuild(String value) {
            this.build = value;
            return this;
        }

        /** When the build that produced the version ran, for the record (the release manifest's build date). */
        public Builder buildDate(Instant value) {
            this.buildDate = value;
            return this;
        }

        /** When the commit was made (its committer date), for the record: the start of the DORA lead time. */
        public Builder commitTime(Instant value) {
            this.commitTime = value;
            return this;
        }

        /**
         * The deploy was forced through freezes with {@code reason} (checked by {@code FreezeCheck} at the
         * start): the engine then also promotes through a freeze, noting it again.
         */
        public Builder freezeOverride(String reason) {
            this.freezeOverride = reason;
            return this;
        }

        public Builder note(String value) {
            this.notes.add(value);
            return this;
        }

        /** A lifecycle hook to run; several of one phase run in the order added. */
        public Builder hook(Hook value) {
            this.hooks.add(Objects.requireNonNull(value, "hook"));
            return this;
        }

        public RolloutRequest build() {
            Objects.requireNonNull(ref, "ref: set the branch or tag the build came from");
            String checkedCommit = Version.requireCommit(commit);
            return new RolloutRequest(
                    key,
                    checkedCommit,
                    ref,
                    version == null ? Version.of(ref, checkedCommit) : version,
                    strategy,
                    strategySettings,
                    environment.approval(),
                    environment.refs(),
                    target,
                    metrics,
                    analysis,
                    initiator,
                    build,
                    notes,
                    initiatorAccount,
                    healthDeadline,
                    hooks,
                    buildDate,
                    freezeOverride,
                    commitTime,
                    FreezeCalendar.NONE);
        }
    }
}
