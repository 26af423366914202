package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Jenkins saves step executions with the build's program and loads them again after a restart, so
 * they must hold ids only, never engine objects: the engine's store is the source of truth.
 */
class DeployExecutionTest {

    private static Set<String> persistedFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void shouldKeepOnlyTheRolloutIdAndTheIdempotencyKeyOfADeploy() {
        assertThat(persistedFields(DeployExecution.class)).containsExactlyInAnyOrder("rolloutId", "idempotencyKey");
    }

    @Test
    void shouldKeepOnlyTheRolloutIdOfARollback() {
        assertThat(persistedFields(GenesisRollbackStep.RollbackExecution.class)).containsExactly("rolloutId");
    }

    @Test
    void shouldGiveTheSameStepTheSameRolloutAndAnotherStepAnother() {
        // when
        String first = RolloutHost.idFor("shop/main#7#node:12");
        String again = RolloutHost.idFor("shop/main#7#node:12");
        String otherNode = RolloutHost.idFor("shop/main#7#node:13");
        String otherBuild = RolloutHost.idFor("shop/main#8#node:12");

        // then
        assertThat(first).isEqualTo(again).startsWith("j-").hasSize(26);
        assertThat(otherNode).isNotEqualTo(first);
        assertThat(otherBuild).isNotEqualTo(first).isNotEqualTo(otherNode);
    }
}
