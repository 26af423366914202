package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryBinderTest {

    private static PolicyEntry entry(String name, Object history) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("name", name);
        environment.put("minPassRate", 95);
        environment.put("minCoverage", 85);
        if (history != null) {
            environment.put("history", history);
        }
        return EnvironmentBinder.entries(Map.of("environments", List.of(environment)))
                .get(0);
    }

    @ParameterizedTest
    @CsvSource({"cluster,CLUSTER", "file,FILE", "' Cluster ',CLUSTER"})
    void shouldReadTheLocation(String word, HistoryLocation expected) {
        assertThat(HistoryBinder.location(entry("staging", word))).isEqualTo(expected);
    }

    @Test
    void shouldKeepRecordsInTheStateDirectoryWhenTheEnvironmentDoesNotSay() {
        assertThat(HistoryBinder.location(entry("staging", null))).isEqualTo(HistoryLocation.FILE);
        assertThat(HistoryBinder.locations(List.of(entry("staging", null)))).isEmpty();
    }

    @Test
    void shouldNameTheEntryTheValueAndTheFixForAnUnknownLocation() {
        assertThatThrownBy(() -> HistoryBinder.location(entry("staging", "etcd")))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environments[0] (staging): history must be one of file, cluster, got 'etcd'; fix: write"
                        + " file (the state directory, the default) or cluster (ConfigMaps in the namespace of the"
                        + " environment's kubernetes target)");
        assertThatThrownBy(() -> HistoryBinder.location(entry("staging", List.of("cluster"))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("history cannot be a list");
    }

    @Test
    void shouldLetACheckoutChooseForAnUnprotectedEnvironmentOnly() {
        Map<String, Object> staging = Map.of("name", "staging", "history", "cluster");

        var document = CheckoutPolicy.tighten(
                Environments.defaults(), "the built-in defaults", Map.of("environments", List.of(staging)));

        assertThat(HistoryBinder.locations(document.entries())).containsEntry("staging", HistoryLocation.CLUSTER);
        assertThatThrownBy(() -> CheckoutPolicy.tighten(
                        Environments.defaults(),
                        "the built-in defaults",
                        Map.of("environments", List.of(Map.of("name", "production", "history", "cluster")))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("production is protected, and a checkout may not name where its deployment"
                        + " records are kept");
    }
}
