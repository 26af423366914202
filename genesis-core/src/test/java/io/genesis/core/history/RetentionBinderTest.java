package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionBinderTest {

    private static final String DEFAULTS = "the built-in defaults";

    private static Map<String, Object> environment(String name, Object retention) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("name", name);
        environment.put("minPassRate", 98);
        environment.put("minCoverage", 85);
        if (retention != null) {
            environment.put("retention", retention);
        }
        return environment;
    }

    private static Map<String, Retention> trusted(Object retention) {
        return RetentionBinder.bind(
                EnvironmentBinder.bind(Map.of("environments", List.of(environment("production", retention)))));
    }

    private static Map<String, Retention> checkout(Map<String, Retention> trustedRetention, Map<String, Object> entry) {
        Map<String, Object> tree = Map.of("environments", List.of(entry));
        PolicyDocument document = CheckoutPolicy.tighten(Environments.defaults(), DEFAULTS, tree);
        return RetentionBinder.fromCheckout(document, Environments.defaults(), trustedRetention, DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource({"keep,1,1,365", "keep,100000,100000,365", "days,0,500,0", "days,3650,500,3650"})
    void shouldAcceptEachBound(String key, int value, int keep, int days) {
        assertThat(trusted(Map.of(key, value))).containsEntry("production", new Retention(keep, Duration.ofDays(days)));
    }

    @ParameterizedTest
    @CsvSource({
        "keep,0,'must be a whole number of records per application and job from 1 to 100000, not ''0''; fix: write"
                + " one, such as 500'",
        "keep,100001,'from 1 to 100000, not ''100001'''",
        "days,-1,'must be a whole number of days from 0 to 3650, not ''-1''; fix: write one, such as 365'",
        "days,3651,'from 0 to 3650, not ''3651'''"
    })
    void shouldRefuseAValueOutOfRangeNamingTheFieldAndTheFix(String key, int value, String message) {
        assertThatThrownBy(() -> trusted(Map.of(key, value)))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].retention." + key))
                .hasMessageStartingWith("environments[0] (production): retention." + key + " ")
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseWordsUnknownKeysAndAnotherShape() {
        assertThatThrownBy(() -> trusted(Map.of("keep", "many")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("retention.keep must be a whole number of records per application and job from"
                        + " 1 to 100000, not 'many'");
        assertThatThrownBy(() -> trusted(Map.of("months", 12)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environments[0] (production): retention.months is not a retention setting; fix: use keep"
                        + " (records per application and job) or days (days since a rollout ended)");
        assertThatThrownBy(() -> trusted(500))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(
                        "retention cannot be '500'; fix: write a mapping such as '{keep: 500, days: 365}'");
    }

    @Test
    void shouldKeepTheDefaultForWhatASectionLeavesOutAndSetNothingWithoutOne() {
        assertThat(trusted(Map.of("keep", 50))).containsEntry("production", new Retention(50, Duration.ofDays(365)));
        assertThat(trusted(null)).isEmpty();
    }

    @Test
    void shouldRefuseACheckoutThatKeepsLessThanTheTrustedPolicy() {
        assertThatThrownBy(() -> checkout(Map.of(), environment("production", Map.of("keep", 10))))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].retention"))
                .hasMessage("environments[0] (production): retention keep 10, days 365 would loosen production's"
                        + " keep 500, days 365 from the built-in defaults, and a checkout's policy may only tighten"
                        + " it; fix: remove retention from this file or make it stricter, or change the built-in"
                        + " defaults");
        Map<String, Retention> trusted = trusted(Map.of("keep", 1000, "days", 30));
        // The checkout's days are longer, but its keep, left out, is the trusted 1000: allowed.
        assertThat(checkout(trusted, environment("production", Map.of("days", 90))))
                .containsEntry("production", new Retention(1000, Duration.ofDays(90)));
        assertThatThrownBy(() -> checkout(trusted, environment("production", Map.of("keep", 600))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("retention keep 600, days 30 would loosen production's keep 1000, days 30");
        assertThatThrownBy(() -> checkout(trusted, environment("production", Map.of("days", 7))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("would loosen production's keep 1000, days 30");
    }

    @Test
    void shouldReadAnEnvironmentOnlyTheCheckoutDefinesAsWritten() {
        assertThat(checkout(Map.of(), environment("preview", Map.of("keep", 5, "days", 0))))
                .containsEntry("preview", new Retention(5, Duration.ZERO));
    }
}
