package io.genesis.docker.target;

import io.genesis.core.target.RollingBounds;

/**
 * How far a rolling update on a Docker host may step outside its replica count, in containers, as a
 * Kubernetes Deployment reads {@code maxSurge} and {@code maxUnavailable}: surge rounds up, unavailability
 * down, and when both come to 0 one container may be unavailable (a share of 0 % for both is refused
 * before, by {@link RollingBounds}). At every moment at most {@link #maxRunning()} containers run and at
 * least {@link #minAvailable()} healthy ones take traffic; {@link #next} says which moves keep that.
 *
 * @param replicas the containers a version runs when no update is under way
 * @param maxSurge containers that may run above {@code replicas}
 * @param maxUnavailable containers that may be missing below {@code replicas}
 */
record RollingBudget(int replicas, int maxSurge, int maxUnavailable) {

    RollingBudget {
        if (replicas < 1 || maxSurge < 0 || maxUnavailable < 0 || maxUnavailable > Math.max(1, replicas - 1)) {
            throw new IllegalArgumentException("a rolling budget needs at least 1 replica, no negative surge or"
                    + " unavailability, and some replica available (unless there is only one); got " + replicas
                    + " replicas, surge "
                    + maxSurge + ", unavailable " + maxUnavailable);
        }
        if (maxSurge == 0 && maxUnavailable == 0) {
            throw new IllegalArgumentException("a rolling budget of 0 surge and 0 unavailable replaces nothing");
        }
    }

    /** The budget of {@code bounds} on {@code replicas} containers, rounded as Kubernetes rounds. */
    static RollingBudget of(int replicas, RollingBounds bounds) {
        int surge = (int) Math.ceil(replicas * bounds.maxSurge().value() / 100.0 - 1e-9);
        int unavailable = (int) Math.floor(replicas * bounds.maxUnavailable().value() / 100.0 + 1e-9);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new RollingBudget(replicas, surge, unavailable);
    }

    /** The most containers of both versions that may run at once. */
    int maxRunning() {
        return replicas + maxSurge;
    }

    /** The fewest healthy containers with weight there must be at once. */
    int minAvailable() {
        return replicas - maxUnavailable;
    }

    /** The candidate containers a batch of {@code share} percent asks for: at least one, at most all. */
    int wanted(double share) {
        int wanted = (int) Math.ceil(replicas * share / 100.0 - 1e-9);
        return Math.max(1, Math.min(replicas, wanted));
    }

    /**
     * What to do now towards {@code wanted} candidate containers: first stop stable containers as far as
     * the floor allows (never below it, never more than the batch replaces), then start candidates as far
     * as the ceiling allows. Stopping first lets a budget without surge make room.
     */
    Moves next(int wanted, Counts now) {
        int available = now.stable() + now.ready();
        int stop = Math.max(0, Math.min(now.stable() - (replicas - wanted), available - minAvailable()));
        int running = now.running() - stop;
        int start = Math.max(0, Math.min(wanted - now.ready() - now.starting(), maxRunning() - running));
        return new Moves(stop, start);
    }

    /** Whether the batch of {@code wanted} candidates is done: all of them ready and the stable ones retired. */
    boolean done(int wanted, Counts now) {
        return now.ready() >= wanted && now.starting() == 0 && now.stable() <= replicas - wanted;
    }

    /**
     * One batch of a rolling update: {@code wanted} candidate containers within {@code budget}. Written on the
     * containers it starts ({@link Labels#ROLLING_BATCH}) as {@code wanted/surge/unavailable}.
     */
    record Batch(RollingBudget budget, int wanted) {

        String label() {
            return wanted + "/" + budget.maxSurge() + "/" + budget.maxUnavailable();
        }

        /** The batch a container's label names, if it names one this many replicas can have. */
        static java.util.Optional<Batch> parse(String label, int replicas) {
            String[] parts = label.split("/", -1);
            if (parts.length != 3) {
                return java.util.Optional.empty();
            }
            try {
                int wanted = Integer.parseInt(parts[0]);
                RollingBudget budget =
                        new RollingBudget(replicas, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                return wanted < 1 || wanted > replicas
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(new Batch(budget, wanted));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /**
     * The containers of an update at one moment.
     *
     * @param stable running containers of the version being replaced that take traffic
     * @param ready candidate containers that are healthy and take traffic
     * @param starting candidate containers that run but are not healthy yet (no traffic)
     */
    record Counts(int stable, int ready, int starting) {

        int running() {
            return stable + ready + starting;
        }

        int available() {
            return stable + ready;
        }
    }

    /**
     * Moves towards a batch.
     *
     * @param stopStable stable containers to take out of the proxy and stop
     * @param startCandidates candidate containers to start (at weight 0 until healthy)
     */
    record Moves(int stopStable, int startCandidates) {}
}
