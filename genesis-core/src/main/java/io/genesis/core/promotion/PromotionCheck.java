package io.genesis.core.promotion;

import io.genesis.core.gate.ForceRule;
import io.genesis.core.gate.record.GateRecord;
import io.genesis.core.gate.record.GateRecordStore;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchStore;
import io.genesis.core.watch.WatchVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule of the promotion path, which every front door calls before it submits a rollout: a
 * version may be deployed to an environment only after it has passed each environment that one
 * requires first ({@link PromotionPath}). Passed means a {@code SUCCEEDED} deployment of the same
 * application and version there that ended at least the minimum soak time ago and, where the path
 * asks, a post-deploy watch there that ended {@code HEALTHY}; where the path asks for a gate, the
 * commit must have a passing gate recorded against this environment's bar. A version that has not
 * passed is refused, unless the deploy is forced with a reason ({@link ForceRule}); the bypass then
 * becomes a note of the deployment record. What cannot be checked (no commit, no store of gates or
 * watches) counts as missing: a requirement never passes on missing data.
 */
public final class PromotionCheck {

    /** How a bypass note starts, so that people and tests can find it in a record. */
    public static final String BYPASS_NOTE = "promotion path bypassed";

    private final HistoryStore history;
    private final Clock clock;
    private final GateRecordStore gates;
    private final WatchStore watches;

    /** A check that knows deployments only: gate and watch requirements then count as missing. */
    public PromotionCheck(HistoryStore history, Clock clock) {
        this(history, clock, null, null);
    }

    /**
     * @param gates the gate records, or {@code null} where this front door keeps none
     * @param watches the post-deploy watches, or {@code null} where this front door keeps none
     */
    public PromotionCheck(HistoryStore history, Clock clock, GateRecordStore gates, WatchStore watches) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gates = gates;
        this.watches = watches;
    }

    /** As {@link #check(Environment, String, String, String, boolean, String, String, String)}, commit unknown. */
    public Optional<String> check(
            Environment environment,
            String application,
            String version,
            boolean force,
            String reason,
            String forceName,
            String reasonName) {
        return check(environment, application, version, null, force, reason, forceName, reasonName);
    }

    /**
     * Checks a deploy of {@code version} of {@code application} to {@code environment}.
     *
     * @param commit the commit deployed, or {@code null} when not known
     * @param force whether the deploy is forced
     * @param reason why, required with force
     * @param forceName how the front door spells force, such as {@code --force}
     * @param reasonName how the front door spells the reason, such as {@code --reason}
     * @return the note to keep in the deployment record when the path was bypassed, else nothing
     * @throws PromotionRefusedException when the version has not passed and the deploy is not forced
     * @throws IllegalArgumentException when force and reason do not pair, or the environment does not
     *     allow force
     */
    public Optional<String> check(
            Environment environment,
            String application,
            String version,
            String commit,
            boolean force,
            String reason,
            String forceName,
            String reasonName) {
        ForceRule.pairing(force, reason, forceName, reasonName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        List<String> missing = missing(environment, application, version, commit);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        if (!force) {
            throw new PromotionRefusedException(application + " " + version + " may not go to " + environment.name()
                    + " yet: " + String.join("; ", missing) + "; fix: " + fix(environment.promotion()) + ", or"
                    + " bypass the promotion path with " + forceName + " " + reasonName + " TEXT");
        }
        ForceRule.check(environment, force, reason, forceName, reasonName);
        return Optional.of(
                BYPASS_NOTE + " with " + forceName + ": " + reason.strip() + " (" + String.join("; ", missing) + ")");
    }

    /** What {@code version} still lacks before it may go to {@code environment}, commit unknown. */
    public List<String> missing(Environment environment, String application, String version) {
        return missing(environment, application, version, null);
    }

    /** What {@code version} of {@code commit} still lacks before it may go to {@code environment}, one line each. */
    public List<String> missing(Environment environment, String application, String version, String commit) {
        PromotionPath path = environment.promotion();
        List<String> missing = new ArrayList<>();
        for (String required : path.requiresPassed()) {
            Optional<String> deployment = missingIn(environment.name(), required, path.minSoak(), application, version);
            deployment.ifPresent(missing::add);
            if (deployment.isEmpty() && path.requiresHealthyWatch()) {
                watchMissing(environment.name(), required, application, version).ifPresent(missing::add);
            }
        }
        if (path.requiresGate()) {
            gateMissing(environment.name(), commit).ifPresent(missing::add);
        }
        return missing;
    }

    private static String fix(PromotionPath path) {
        List<String> steps = new ArrayList<>();
        if (path.guarded() && !path.requiresPassed().isEmpty()) {
            steps.add("deploy it there first and let it succeed"
                    + (path.requiresHealthyWatch() ? " and its watch end healthy" : ""));
        }
        if (path.requiresGate()) {
            steps.add("run the gate for this commit and environment");
        }
        return String.join(" and ", steps);
    }

    private Optional<String> watchMissing(String target, String required, String application, String version) {
        String needs =
                target + " requires the post-deploy watch of " + version + " in " + required + " to have ended HEALTHY";
        if (watches == null) {
            return Optional.of(needs + ", and no watch records are kept here to show it");
        }
        DeploymentKey key = new DeploymentKey(application, required);
        List<WatchState> of = watches.list().stream()
                .filter(watch -> watch.request().key().equals(key))
                .filter(watch -> watch.request().version().value().equals(version))
                .sorted(Comparator.comparing(WatchState::startedAt).reversed())
                .toList();
        if (of.stream()
                .anyMatch(watch -> watch.outcome() != null && watch.outcome().verdict() == WatchVerdict.HEALTHY)) {
            return Optional.empty();
        }
        if (of.isEmpty()) {
            return Optional.of(needs + ", and it was never watched there");
        }
        WatchState latest = of.get(0);
        if (latest.outcome() == null) {
            return Optional.of(needs + ", and its watch is still running (until " + latest.endsAt() + ")");
        }
        return Optional.of(needs + ", and its watch ended " + latest.outcome().verdict() + ": "
                + latest.outcome().reason());
    }

    private Optional<String> gateMissing(String target, String commit) {
        String needs = target + " requires a passing gate for the same commit";
        if (commit == null || commit.isBlank()) {
            return Optional.of(needs + ", and the commit deployed is not known; name it");
        }
        if (gates == null) {
            return Optional.of(needs + ", and no gate records are kept here to show it");
        }
        Optional<GateRecord> gate = gates.find(commit, target);
        if (gate.isEmpty()) {
            return Optional.of(needs + ", and no gate was recorded for commit " + GateRecord.abbreviated(commit)
                    + " against " + target + "'s bar");
        }
        if (!gate.get().passed()) {
            return Optional.of(needs + ", and the gate for commit " + GateRecord.abbreviated(commit) + " against "
                    + target + "'s bar ended " + gate.get().verdict() + " at "
                    + gate.get().recordedAt());
        }
        return Optional.empty();
    }

    private Optional<String> missingIn(
            String target, String required, Duration minSoak, String application, String version) {
        List<DeploymentRecord> deployments =
                history.all(HistoryQuery.of(new DeploymentKey(application, required), 1)).stream()
                        .filter(record -> record.version().equals(version))
                        .toList();
        String needs = target + " requires a successful deployment in " + required;
        if (deployments.isEmpty()) {
            return Optional.of(needs + ", and " + version + " was never deployed there");
        }
        Optional<DeploymentRecord> earliest = deployments.stream()
                .filter(record -> record.status() == RecordStatus.SUCCEEDED)
                .min(Comparator.comparing(DeploymentRecord::endedAt));
        if (earliest.isEmpty()) {
            return Optional.of(needs + ", and " + version + " only ended "
                    + deployments.stream()
                            .map(record -> record.status() + " (" + record.id() + ")")
                            .collect(Collectors.joining(", "))
                    + " there");
        }
        Instant now = clock.instant();
        Duration soaked = Duration.between(earliest.get().endedAt(), now);
        if (soaked.compareTo(minSoak) < 0) {
            return Optional.of(target + " requires " + Durations.format(minSoak) + " of soak in " + required
                    + ", and " + version + " succeeded there " + Durations.format(soaked) + " ago ("
                    + earliest.get().id() + "): " + Durations.format(minSoak.minus(soaked)) + " left");
        }
        return Optional.empty();
    }
}
