package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Percentage;
import io.jenkins.plugins.genesis.approval.ApprovalAction;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.DeploymentAction;
import io.jenkins.plugins.genesis.deploy.GenesisDeployStep;
import io.jenkins.plugins.genesis.deploy.GenesisRollbackStep;
import io.jenkins.plugins.genesis.deploy.RolloutAborted;
import io.jenkins.plugins.genesis.gate.GateBuildAction;
import io.jenkins.plugins.genesis.monitor.GenesisMonitorStep;
import io.jenkins.plugins.genesis.monitor.WatchAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jenkins writes global configuration, actions and step executions with XStream and refuses
 * classes its filter does not know (JEP-200). What the plugin persists must therefore be its own
 * plain classes: no records, no {@code Object}-typed fields, no engine types. This test follows
 * every persisted field from each root.
 */
class PersistedClassesTest {

    /** Everything Jenkins persists for the plugin starts at one of these classes. */
    private static final List<Class<?>> PERSISTED_ROOTS = List.of(
            GenesisConfiguration.class,
            GateBuildAction.class,
            DeploymentAction.class,
            ApprovalAction.class,
            RolloutAborted.class,
            GenesisDeployStep.class,
            GenesisRollbackStep.class,
            execution("DeployExecution"),
            execution("GenesisRollbackStep$RollbackExecution"),
            WatchAction.class,
            GenesisMonitorStep.class,
            monitorExecution());

    private static Class<?> monitorExecution() {
        try {
            return Class.forName("io.jenkins.plugins.genesis.monitor.MonitorExecution");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The executions are package-private: Jenkins reaches them through their steps only. */
    private static Class<?> execution(String name) {
        try {
            return Class.forName("io.jenkins.plugins.genesis.deploy." + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldPersistOnlyPlainPluginClasses() {
        // given
        List<String> problems = new ArrayList<>();

        // when
        PERSISTED_ROOTS.forEach(root -> problems.addAll(PersistedClasses.problemsOf(root)));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindEveryKindOfUnsafeField() {
        // when
        List<String> problems = PersistedClasses.problemsOf(UnsafeHolder.class);

        // then
        assertThat(problems)
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("anything", "Object"))
                .anySatisfy(p -> assertThat(p).contains("snapshot", "record"))
                .anySatisfy(p -> assertThat(p).contains("threshold", "engine"))
                .anySatisfy(p -> assertThat(p).contains("values", "Object"))
                .anySatisfy(p -> assertThat(p).contains("byName", "wildcard"));
    }

    /** Deliberately wrong, to prove the check finds each kind of problem. */
    @SuppressWarnings("unused")
    static final class UnsafeHolder {
        private Object anything;
        private Snapshot snapshot;
        private Percentage threshold;
        private List<Object> values;
        private Map<String, ?> byName;
        private transient Object cache;
        private static Object shared;
        private String fine;
        private List<String> alsoFine;
    }

    record Snapshot(String name) {}
}
