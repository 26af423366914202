package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Approver;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TrafficRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Wrappers that pass every port operation through a {@link CrashInjector}. */
final class CrashingPorts {

    private CrashingPorts() {}

    static DeploymentTarget target(DeploymentTarget target, CrashInjector crash) {
        return new DeploymentTarget() {
            @Override
            public String describe() {
                return target.describe();
            }

            @Override
            public void deployCandidate(DeploymentContext context) {
                crash.run("deployCandidate", () -> target.deployCandidate(context));
            }

            @Override
            public Health health(DeploymentContext context) {
                return crash.around("health", () -> target.health(context));
            }

            @Override
            public Health smokeCheck(DeploymentContext context) {
                return crash.around("smokeCheck", () -> target.smokeCheck(context));
            }

            @Override
            public void promote(DeploymentContext context) {
                crash.run("promote", () -> target.promote(context));
            }

            @Override
            public Health promoted(DeploymentContext context) {
                return crash.around("promoted", () -> target.promoted(context));
            }

            @Override
            public void scaleDownPrevious(DeploymentContext context) {
                crash.run("scaleDownPrevious", () -> target.scaleDownPrevious(context));
            }

            @Override
            public Health prepareRollback(DeploymentContext context) {
                return crash.around("prepareRollback", () -> target.prepareRollback(context));
            }

            @Override
            public java.time.Duration abandonedScaleDownDelay() {
                return target.abandonedScaleDownDelay();
            }

            @Override
            public Health trafficRestored(DeploymentContext context) {
                return crash.around("trafficRestored", () -> target.trafficRestored(context));
            }

            @Override
            public void rollback(DeploymentContext context) {
                crash.run("rollback", () -> target.rollback(context));
            }

            @Override
            public void retireCandidate(DeploymentContext context) {
                crash.run("retireCandidate", () -> target.retireCandidate(context));
            }

            @Override
            public Optional<TrafficRouter> trafficRouter() {
                return target.trafficRouter().map(router -> new TrafficRouter() {
                    @Override
                    public void setWeight(DeploymentContext context, Percentage weight) {
                        crash.run("setWeight", () -> router.setWeight(context, weight));
                    }

                    @Override
                    public boolean verifyWeight(DeploymentContext context, Percentage weight) {
                        return crash.around("verifyWeight", () -> router.verifyWeight(context, weight));
                    }
                });
            }

            @Override
            public Optional<RollingUpdater> rollingUpdater() {
                return target.rollingUpdater().map(updater -> new RollingUpdater() {
                    @Override
                    public void rollTo(
                            DeploymentContext context,
                            io.genesis.core.policy.Percentage share,
                            io.genesis.core.target.RollingBounds bounds) {
                        crash.run("rollTo", () -> updater.rollTo(context, share, bounds));
                    }

                    @Override
                    public Optional<String> limits() {
                        return updater.limits();
                    }
                });
            }
        };
    }

    static RolloutStateStore states(RolloutStateStore states, CrashInjector crash) {
        return new RolloutStateStore() {
            @Override
            public void save(RolloutState state) {
                crash.run("save " + state.stage() + " step " + (state.step() + 1), () -> states.save(state));
            }

            @Override
            public Optional<RolloutState> load(RolloutId id) {
                return states.load(id);
            }

            @Override
            public List<RolloutState> list() {
                return states.list();
            }
        };
    }

    static HistoryStore history(HistoryStore history, CrashInjector crash) {
        return new HistoryStore() {
            @Override
            public void append(DeploymentRecord record) {
                crash.run("append record", () -> history.append(record));
            }

            @Override
            public HistoryPage page(HistoryQuery query) {
                return history.page(query);
            }
        };
    }

    static RolloutLock locks(RolloutLock locks, CrashInjector crash) {
        return new RolloutLock() {
            @Override
            public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
                return crash.around("acquire lock", () -> locks.acquire(key, holder, owner, now, ttl));
            }

            @Override
            public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
                return crash.around("refresh lock", () -> locks.refresh(key, holder, now, ttl));
            }

            @Override
            public void release(DeploymentKey key, String holder) {
                crash.run("release lock", () -> locks.release(key, holder));
            }

            @Override
            public Optional<Lease> current(DeploymentKey key) {
                return locks.current(key);
            }
        };
    }

    static Approver approver(Approver approver, CrashInjector crash) {
        return new Approver() {
            @Override
            public void request(ApprovalRequest request) {
                crash.run("request approval", () -> approver.request(request));
            }

            @Override
            public void withdraw(ApprovalRequest request, String reason) {
                crash.run("withdraw approval", () -> approver.withdraw(request, reason));
            }
        };
    }

    static MetricSource metrics(MetricSource source, CrashInjector crash) {
        return new MetricSource() {
            @Override
            public String describe() {
                return source.describe();
            }

            @Override
            public Set<Metric> metrics() {
                return source.metrics();
            }

            @Override
            public MetricReadings sample(MetricWindow window) {
                return crash.around("sample", () -> source.sample(window));
            }
        };
    }
}
