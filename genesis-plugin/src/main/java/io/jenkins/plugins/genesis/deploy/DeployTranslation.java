package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.sources.MetricSources;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.promotion.FreezeCheck;
import io.genesis.core.promotion.PromotionCheck;
import io.genesis.core.rollout.CommitTime;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutTuning;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.Durations;
import io.jenkins.plugins.genesis.ForceWords;
import io.jenkins.plugins.genesis.metrics.BuildSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one place where {@code genesisDeploy}'s parameters become the engine's request. The tuning
 * options are read by core's {@link RolloutTuning}, as the command line's are, so both accept and
 * refuse the same values; what is particular to Jenkins is where the commit, the ref and the
 * initiator come from ({@link BuildFacts}).
 */
final class DeployTranslation {

    /** The setting of a target that names the image to run, such as {@code registry/shop:1.4.0}. */
    static final String IMAGE = "image";

    /** The parameter that gives the commit's time, as a script writes it. */
    static final String COMMIT_TIME = "commitTime";

    /** The parameter that shortens the environment's health deadline, as a script writes it. */
    static final String HEALTH_TIMEOUT = "healthTimeout";

    private DeployTranslation() {}

    /**
     * The request for {@code step} in {@code environment}, to {@code target}, from {@code build}.
     *
     * @throws IllegalArgumentException naming the parameter, the bad value and the fix
     */
    static RolloutRequest request(
            GenesisDeployStep step,
            Environment environment,
            TargetSpec target,
            BuildFacts build,
            PromotionCheck promotion) {
        return request(step, environment, target, build, promotion, Optional.empty());
    }

    /**
     * The request, measured by {@code configured} (the environment's metric source in the global
     * configuration) when the step names no probe.
     */
    static RolloutRequest request(
            GenesisDeployStep step,
            Environment environment,
            TargetSpec target,
            BuildFacts build,
            PromotionCheck promotion,
            Optional<MetricSpec> configured) {
        return request(step, environment, target, build, promotion, configured, Freeze.NONE);
    }

    /** An environment's freeze windows and the check that reads them on the engine's clock. */
    record Freeze(FreezeCheck check, FreezeCalendar calendar) {
        static final Freeze NONE = new Freeze(new FreezeCheck(java.time.Clock.systemUTC()), FreezeCalendar.NONE);
    }

    /**
     * The request, refused while one of the environment's {@code freeze} windows holds unless the step
     * forces it with a reason (recorded).
     */
    static RolloutRequest request(
            GenesisDeployStep step,
            Environment environment,
            TargetSpec target,
            BuildFacts build,
            PromotionCheck promotion,
            Optional<MetricSpec> configured,
            Freeze freeze) {
        RolloutTuning.Checked tuning = tuning(step).check(RolloutTuning.SCRIPT);
        SourceRef ref = ref(step, build);
        String commit = commit(step, build);
        RolloutRequest.Builder request = RolloutRequest.builder(step.getApplication(), environment)
                .commit(commit)
                .ref(ref)
                .version(version(step, ref, commit))
                .strategy(tuning.strategy())
                .strategySettings(tuning.settings())
                .analysis(tuning.analysis())
                .target(withImage(target, step.getImage()))
                .initiator(build.initiator())
                .initiatorAccount(build.account())
                .fromBuild(build.build())
                .healthDeadline(healthTimeout(step), HEALTH_TIMEOUT)
                .commitTime(commitTime(step.getCommitTime()))
                .freezeOverride(FreezeCheck.promotionOverride(environment, step.isForce(), step.getReason()));
        if (!step.getProbeUrl().isEmpty()) {
            request.metrics(HttpProbeSettings.of(step.getProbeUrl()).spec());
        } else if (configured.isPresent()) {
            request.metrics(BuildSecrets.forBuild(
                    MetricSources.forVersion(
                            configured.get(), version(step, ref, commit).value()),
                    build.build()));
        }
        // The environment's freeze windows, then the engine's promotion path: each refused before anything
        // is touched unless forced with a reason.
        freeze.check()
                .check(
                        environment,
                        freeze.calendar(),
                        step.isForce(),
                        step.getReason(),
                        ForceWords.FORCE,
                        ForceWords.REASON)
                .ifPresent(request::note);
        promotion
                .check(
                        environment,
                        step.getApplication(),
                        version(step, ref, commit).value(),
                        commit,
                        step.isForce(),
                        step.getReason(),
                        ForceWords.FORCE,
                        ForceWords.REASON)
                .ifPresent(request::note);
        return request.build();
    }

    /** The step's own health deadline, if it gives one; the environment bounds it (core's rule). */
    static Optional<Duration> healthTimeout(GenesisDeployStep step) {
        return step.getHealthTimeout().isEmpty()
                ? Optional.empty()
                : Optional.of(Durations.parse(HEALTH_TIMEOUT, step.getHealthTimeout()));
    }

    /**
     * {@code commitTime:} read by core's rule ({@link CommitTime}, as {@code genesis deploy --commit-time}), or
     * {@code null} when the script gives none: the record then has no commit time, and the DORA lead time
     * starts at the build date where one is known.
     */
    static Instant commitTime(String text) {
        return text == null || text.isBlank() ? null : CommitTime.parse(COMMIT_TIME, text);
    }

    /** The step's tuning options, as core reads them. */
    static RolloutTuning tuning(GenesisDeployStep step) {
        return new RolloutTuning(
                step.getStrategy(),
                step.getSteps(),
                step.getShifts(),
                step.getKeepPrevious(),
                step.getMaxSurge(),
                step.getMaxUnavailable(),
                step.getSampleInterval(),
                step.getOnInconclusive());
    }

    /**
     * The branch or tag the build came from. A multibranch build's own {@code TAG_NAME} or
     * {@code BRANCH_NAME} wins: a script may not claim another branch to get past the environment's
     * allowed branches. Elsewhere the script says it with {@code ref:} (or {@code GIT_BRANCH} holds it).
     */
    static SourceRef ref(GenesisDeployStep step, BuildFacts build) {
        String tag = build.variable("TAG_NAME");
        String branch = build.variable("BRANCH_NAME");
        String given = step.getRef();
        SourceRef fromBuild = !tag.isEmpty() ? SourceRef.tag(tag) : !branch.isEmpty() ? SourceRef.branch(branch) : null;
        if (fromBuild != null) {
            if (!given.isEmpty() && !given.equals(fromBuild.name())) {
                throw new IllegalArgumentException("ref: '" + given + "' differs from the "
                        + fromBuild.kind().name().toLowerCase(Locale.ROOT) + " this build is of, '" + fromBuild.name()
                        + "'; leave ref: out, a multibranch build knows its own");
            }
            return fromBuild;
        }
        if (!given.isEmpty()) {
            return given.startsWith("refs/tags/")
                    ? SourceRef.tag(given.substring("refs/tags/".length()))
                    : SourceRef.branch(given);
        }
        String gitBranch = build.variable("GIT_BRANCH");
        if (!gitBranch.isEmpty()) {
            return SourceRef.branch(
                    gitBranch.startsWith("origin/") ? gitBranch.substring("origin/".length()) : gitBranch);
        }
        throw new IllegalArgumentException("ref: is needed: this build has no BRANCH_NAME, TAG_NAME or GIT_BRANCH;"
                + " pass the branch it was built from, such as ref: 'main'");
    }

    /** The commit: {@code commit:}, else the {@code GIT_COMMIT} the git plugin set. */
    static String commit(GenesisDeployStep step, BuildFacts build) {
        String commit = !step.getCommit().isEmpty() ? step.getCommit() : build.variable("GIT_COMMIT");
        if (commit.isEmpty()) {
            throw new IllegalArgumentException("commit: is needed: this build has no GIT_COMMIT (check out with git),"
                    + " so pass the full commit id, such as commit: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b'");
        }
        return Version.requireCommit(commit);
    }

    /** {@code version:}, else the image's tag, else the version the ref and commit give. */
    static Version version(GenesisDeployStep step, SourceRef ref, String commit) {
        if (!step.getVersion().isEmpty()) {
            return new Version(step.getVersion());
        }
        String image = step.getImage();
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/') && colon < image.length() - 1) {
            return new Version(image.substring(colon + 1));
        }
        return Version.of(ref, commit);
    }

    private static TargetSpec withImage(TargetSpec target, String image) {
        if (image.isEmpty()) {
            return target;
        }
        String named = target.settings().get(IMAGE);
        if (named != null && !named.equals(image)) {
            throw new IllegalArgumentException("image: '" + image + "' differs from the image the target names, '"
                    + named + "'; give it in one place");
        }
        Map<String, String> settings = new TreeMap<>(target.settings());
        settings.put(IMAGE, image);
        return new TargetSpec(target.kind(), settings);
    }
}
