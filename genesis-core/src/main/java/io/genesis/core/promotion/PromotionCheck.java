package io.genesis.core.promotion;

import io.genesis.core.gate.ForceRule;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Durations;
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
 * application and version there that ended at least the minimum soak time ago. A version that has
 * not passed is refused, unless the deploy is forced with a reason ({@link ForceRule}); the bypass
 * then becomes a note of the deployment record.
 */
public final class PromotionCheck {

    /** How a bypass note starts, so that people and tests can find it in a record. */
    public static final String BYPASS_NOTE = "promotion path bypassed";

    private final HistoryStore history;
    private final Clock clock;

    public PromotionCheck(HistoryStore history, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks a deploy of {@code version} of {@code application} to {@code environment}.
     *
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
            boolean force,
            String reason,
            String forceName,
            String reasonName) {
        ForceRule.pairing(force, reason, forceName, reasonName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        List<String> missing = missing(environment, application, version);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        if (!force) {
            throw new PromotionRefusedException(application + " " + version + " may not go to " + environment.name()
                    + " yet: " + String.join("; ", missing) + "; fix: deploy it there first and let it succeed, or"
                    + " bypass the promotion path with " + forceName + " " + reasonName + " TEXT");
        }
        ForceRule.check(environment, force, reason, forceName, reasonName);
        return Optional.of(
                BYPASS_NOTE + " with " + forceName + ": " + reason.strip() + " (" + String.join("; ", missing) + ")");
    }

    /** What {@code version} still lacks before it may go to {@code environment}, one line per environment. */
    public List<String> missing(Environment environment, String application, String version) {
        PromotionPath path = environment.promotion();
        List<String> missing = new ArrayList<>();
        for (String required : path.requiresPassed()) {
            missingIn(environment.name(), required, path.minSoak(), application, version)
                    .ifPresent(missing::add);
        }
        return missing;
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
