package io.genesis.core.history.dora;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The four DORA figures of one environment over some days.
 *
 * @param span the days, both ends included
 * @param deployments how many rollouts were promoted (took all traffic) in these days
 * @param leadTime from the commit to its promotion, for the promotions whose record knows the commit's time;
 *     from the build of the commit to its promotion for those whose record knows only the build date
 * @param leadFromBuild how many of {@code leadTime}'s promotions start at the build date, not the commit
 * @param leadTimeUnknown promotions left out of the lead time: neither a commit time nor a build date (before
 *     the promotion) in the record
 * @param changes rollouts that reached users (every one but the aborted), dated by promotion, else by end
 * @param failures changes that failed: rolled back during the rollout, or after promotion within the
 *     environment's failure window, or ended {@code FAILED}
 * @param timeToRestore from the rollback's trigger to traffic back on the stable version, for failures
 *     restored in these days
 * @param notRestored failures of these days without a restore time in their record
 */
public record DoraFigures(
        DoraRange.Span span,
        int deployments,
        Spread leadTime,
        int leadFromBuild,
        int leadTimeUnknown,
        int changes,
        int failures,
        Spread timeToRestore,
        int notRestored) {

    public DoraFigures {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(timeToRestore, "timeToRestore");
        if (leadFromBuild < 0 || leadFromBuild > leadTime.count()) {
            throw new IllegalArgumentException("leadFromBuild (" + leadFromBuild + ") must be from 0 to the "
                    + leadTime.count() + " promotions with a lead time");
        }
        if (failures > changes) {
            throw new IllegalArgumentException("failures (" + failures + ") cannot exceed changes (" + changes + ")");
        }
    }

    /** How many of {@link #leadTime}'s promotions start at the commit, as DORA's lead time does. */
    public int leadFromCommit() {
        return leadTime.count() - leadFromBuild;
    }

    /** Deployments per day of the span. */
    public double deploymentsPerDay() {
        return deployments / (double) span.days();
    }

    /** Failures as a share of changes, 0 to 1; empty without changes (nothing to divide). */
    public OptionalDouble changeFailureRate() {
        return changes == 0 ? OptionalDouble.empty() : OptionalDouble.of(failures / (double) changes);
    }

    /** The figures of {@code changes} that fall in {@code span} (each dated as the fields say). */
    static DoraFigures of(DoraRange.Span span, List<Change> changes, ZoneId zone) {
        int deployments = 0;
        int unknown = 0;
        int fromBuild = 0;
        int reached = 0;
        int failed = 0;
        int notRestored = 0;
        List<Duration> leads = new ArrayList<>();
        List<Duration> restores = new ArrayList<>();
        for (Change change : changes) {
            if (change.promoted()
                    && span.contains(change.promotedAt().atZone(zone).toLocalDate())) {
                deployments++;
                if (change.leadTime() == null) {
                    unknown++;
                } else {
                    leads.add(change.leadTime());
                    if (change.leadFrom() == LeadStart.BUILD) {
                        fromBuild++;
                    }
                }
            }
            if (change.reachedUsersAt() != null
                    && span.contains(change.reachedUsersAt().atZone(zone).toLocalDate())) {
                reached++;
                if (change.failed()) {
                    failed++;
                    if (change.timeToRestore() == null) {
                        notRestored++;
                    }
                }
            }
            if (change.timeToRestore() != null
                    && span.contains(change.restoredAt().atZone(zone).toLocalDate())) {
                restores.add(change.timeToRestore());
            }
        }
        return new DoraFigures(
                span,
                deployments,
                Spread.of(leads),
                fromBuild,
                unknown,
                reached,
                failed,
                Spread.of(restores),
                notRestored);
    }
}
