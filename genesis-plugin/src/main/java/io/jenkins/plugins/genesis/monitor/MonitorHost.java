package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.watch.WatchAfterRollout;
import io.genesis.core.watch.WatchEvent;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchListener;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.Watcher;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The controller's post-deploy watches: one core {@link Watcher} on the rollout engine's own
 * scheduler, clock, name and directory ({@link RolloutHost#watchers()}), so watches need no thread of
 * their own, roll back through the rollouts' one rollback path, and are adopted again by a restarted
 * controller. It knows no Jenkins type, so tests drive it exactly as the {@code genesisMonitor} step
 * and the controller do.
 *
 * <p>Watches start two ways: {@link #afterRollout} when a rollout succeeded in an environment with a
 * watch window (the controller calls it for every ended record), and {@link #start} from a step. Both
 * give ids derived from what started them, so a second start of the same step, or the same record
 * heard twice, finds the watch instead of starting another; and a rollout already watched is not
 * watched twice. Each watch is shown on one build's page ({@code show}); a waiting step registers a
 * {@link WatchWaiter}.
 */
public final class MonitorHost {

    private final RolloutHost rollouts;
    private final Watcher watcher;
    private final WatchBuilds builds;
    private final BiConsumer<String, WatchState> show;
    private final Map<WatchId, WatchWaiter> waiters = new ConcurrentHashMap<>();
    /** What each watch's build page showed last, so a page is saved when something changed, not every sample. */
    private final Map<WatchId, String> shown = new ConcurrentHashMap<>();

    private final Object starting = new Object();
    /** The id the watch being started gets; read by the watcher's id supplier inside start. */
    private volatile WatchId nextId;

    /**
     * @param rollouts the controller's rollout engine, whose scheduler, directory and rollback the watches share
     * @param notifications wraps what the host hears of its watches so their milestones (warning,
     *     critical, resolved, ended) are also notified, such as {@code NotificationListener::watches}
     *     of the rollout engine's own notifications
     * @param show shows a watch's state on the page of a build (by externalizable id); called on the
     *     engine's thread when something worth showing changed
     */
    public MonitorHost(
            RolloutHost rollouts, UnaryOperator<WatchListener> notifications, BiConsumer<String, WatchState> show) {
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
        this.show = Objects.requireNonNull(show, "show");
        this.builds = new WatchBuilds(rollouts.directory().resolve("watch-builds"));
        WatchListener heard = this::heard;
        this.watcher = rollouts.watchers()
                .listener(Objects.requireNonNull(notifications.apply(heard), "notifications"))
                .ids(this::takeId)
                .build();
    }

    /** The id of the watch a step with {@code idempotencyKey} starts: the same key, the same watch. */
    static WatchId idFor(String idempotencyKey) {
        return WatchId.of(RolloutHost.idFor("watch:" + idempotencyKey).replaceFirst("^j-", "jw-"));
    }

    /**
     * After a rollout's record is stored: when it {@code SUCCEEDED} in an environment whose watch window
     * is over zero, and no watch of that rollout exists yet, starts one for the environment's window
     * with the rollout's thresholds, shown on the build that deployed. Safe to call for every record,
     * any number of times.
     *
     * @param environment the rollout's environment as configured now
     * @param sources the environment's configured metric source, if any
     * @return a line for the controller's log saying what was done, if anything
     */
    public Optional<String> afterRollout(
            DeploymentRecord record, Function<String, Optional<Environment>> environment, EnvironmentSources sources) {
        if (record.status() != RecordStatus.SUCCEEDED) {
            return Optional.empty();
        }
        Optional<Environment> where = environment.apply(record.environment());
        synchronized (starting) {
            if (watchOf(record.id()).isPresent()) {
                return Optional.empty();
            }
            Optional<RolloutState> rollout = rollouts.rollout(record.id());
            if (rollout.isEmpty()) {
                return Optional.empty();
            }
            if (where.isEmpty() || where.get().watchWindow().isZero()) {
                return superseded(rollout.get(), "");
            }
            WatchRequest request;
            try {
                request = MonitorTranslation.afterRollout(
                        rollout.get(),
                        where.get(),
                        sources.of(record.environment()),
                        sources.thresholds(record.environment()));
            } catch (IllegalArgumentException e) {
                return superseded(
                        rollout.get(), "no post-deploy watch of rollout " + record.id() + ": " + e.getMessage());
            }
            WatchId id = startAs(idFor("after:" + record.id()), request, record.build());
            return Optional.of("watching rollout " + record.id() + " (" + record.application() + " "
                    + record.version() + " in " + record.environment() + ") as " + id + " for "
                    + request.window().toHours() + " h");
        }
    }

    /**
     * A rollout that succeeded without a watch of its own still replaces the version watched (core's
     * {@link WatchAfterRollout#supersede}).
     *
     * @param said what to log besides, or empty
     */
    private Optional<String> superseded(RolloutState rollout, String said) {
        List<WatchId> ended = new WatchAfterRollout(watcher).supersede(rollout);
        if (ended.isEmpty()) {
            return said.isEmpty() ? Optional.empty() : Optional.of(said);
        }
        return Optional.of(
                (said.isEmpty() ? "" : said + "; ") + "rollout " + rollout.id() + " superseded the watch(es) " + ended);
    }

    /**
     * Starts the watch of the step with {@code idempotencyKey}, or finds it when that step started it
     * before; a step that asks nothing of its own ({@code attachable}) joins the running watch of the
     * same rollout instead of superseding it.
     *
     * @param build the build whose page shows the watch
     * @return the watch's id
     */
    WatchId start(String idempotencyKey, WatchRequest request, boolean attachable, String build) {
        WatchId id = idFor(idempotencyKey);
        synchronized (starting) {
            if (watcher.view(id).isPresent()) {
                return id;
            }
            if (attachable) {
                Optional<WatchState> running = watchOf(request.rolloutId()).filter(state -> !state.ended());
                if (running.isPresent()) {
                    return running.get().id();
                }
            }
            return startAs(id, request, build);
        }
    }

    private WatchId startAs(WatchId id, WatchRequest request, String build) {
        builds.save(id, build);
        nextId = id;
        try {
            return watcher.start(request);
        } finally {
            nextId = null;
        }
    }

    private WatchId takeId() {
        WatchId id = nextId;
        if (id == null) {
            throw new IllegalStateException("a watch was started outside MonitorHost; it has no id");
        }
        return id;
    }

    /**
     * Waits with {@code waiter} for the watch's verdict, and, with {@code releaseAt}, at most until then
     * (the step's {@code for:}); the watch goes on after that. A watch that has ended is reported at once.
     *
     * @return whether the watch exists
     */
    boolean await(WatchId id, WatchWaiter waiter, Optional<Instant> releaseAt) {
        Optional<WatchState> state = watcher.view(id);
        if (state.isEmpty()) {
            return false;
        }
        waiters.put(id, waiter);
        releaseAt.ifPresent(at -> rollouts.scheduler().schedule("watch-release:" + id, at, () -> release(id, waiter)));
        checkEnded(id);
        return true;
    }

    /** Stops waiting for {@code id}; the watch itself goes on. */
    void detach(WatchId id) {
        waiters.remove(id);
        rollouts.scheduler().cancel("watch-release:" + id);
    }

    /** The watch as stored now. */
    Optional<WatchState> view(WatchId id) {
        return watcher.view(id);
    }

    /**
     * A person stops the watch, recorded with who and why (core's {@link Watcher#stop}); the page of its
     * build shows it once the engine says so.
     *
     * @return the watch as stored now
     */
    WatchState stop(WatchId id, String by, String why) {
        return watcher.stop(id, by, why);
    }

    /** The engine that deployed what is watched. */
    RolloutHost rollouts() {
        return rollouts;
    }

    /**
     * At start-up: adopts the watches the controller ran before it restarted (and those of an engine
     * whose claim lapsed) and wakes them.
     *
     * @return one line per watch resumed, for the controller's log
     */
    public List<String> reconcile() {
        return watcher.reconcile().stream().map(id -> "resumed watch " + id).toList();
    }

    /** The newest watch of rollout {@code rolloutId}, running or not. */
    private Optional<WatchState> watchOf(String rolloutId) {
        if (rolloutId == null || rolloutId.isEmpty()) {
            return Optional.empty();
        }
        List<WatchState> all = watcher.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).request().rolloutId().equals(rolloutId)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /*
     * A watch speaks before it stores what it said (a sample, an incident, its end), so what to show
     * and whether it ended are read once the current wake-up is over: on the engine's one scheduler
     * thread, right after it.
     */
    private void heard(WatchEvent event) {
        WatchWaiter waiter = waiters.get(event.id());
        if (waiter != null) {
            waiter.say(event.id() + ": " + event.message());
        }
        rollouts.scheduler()
                .schedule("watch-shown:" + event.id(), rollouts.clock().instant(), () -> refresh(event.id()));
    }

    private void refresh(WatchId id) {
        watcher.view(id).ifPresent(state -> {
            showIfChanged(state);
            if (state.ended()) {
                settle(id, state);
            }
        });
    }

    private void checkEnded(WatchId id) {
        watcher.view(id).filter(WatchState::ended).ifPresent(state -> settle(id, state));
    }

    private void settle(WatchId id, WatchState state) {
        WatchWaiter waiter = waiters.get(id);
        if (waiter != null && waiters.remove(id, waiter)) {
            rollouts.scheduler().cancel("watch-release:" + id);
            waiter.ended(state);
        }
    }

    private void release(WatchId id, WatchWaiter waiter) {
        if (waiters.remove(id, waiter)) {
            WatchState state = watcher.view(id).orElseThrow();
            if (state.ended()) {
                waiter.ended(state);
            } else {
                waiter.released(state);
            }
        }
    }

    private void showIfChanged(WatchState state) {
        String now = state.stage() + "/" + state.incidents().size() + "/"
                + state.openIncident().map(open -> open.severity().name()).orElse("-");
        if (!now.equals(shown.put(state.id(), now))) {
            builds.of(state.id()).ifPresent(build -> show.accept(build, state));
        }
        if (state.ended()) {
            shown.remove(state.id());
        }
    }
}
