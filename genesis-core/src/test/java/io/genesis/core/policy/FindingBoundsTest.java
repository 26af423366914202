package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingBoundsTest {

    @Test
    void shouldDescribeTheReleaseGuidesBars() {
        assertThat(FindingBounds.PRODUCTION.describe()).isEqualTo("0 critical, 0 high, 0 secrets");
        assertThat(FindingBounds.STAGING.describe()).isEqualTo("0 secrets");
        assertThat(FindingBounds.NONE.isEmpty()).isTrue();
    }

    @Test
    void shouldTakeTighterAndNewBoundsFromARequest() {
        FindingBounds asked = FindingBounds.NONE.with("medium", 5).with("secrets", 0);

        FindingBounds effective = FindingBounds.STAGING.tightenedBy(asked, "staging");

        assertThat(effective.describe()).isEqualTo("5 medium, 0 secrets");
    }

    @Test
    void shouldRefuseALooserBoundNamingBothValues() {
        assertThatThrownBy(() -> FindingBounds.PRODUCTION.tightenedBy(FindingBounds.NONE.with("critical", 1), "prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1 critical findings is more than prod allows (0)");
    }

    @Test
    void shouldRefuseNegativeAndUnknownBounds() {
        assertThatThrownBy(() -> FindingBounds.NONE.with("high", -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> FindingBounds.NONE.with("severe", 1))
                .hasMessage("unknown finding bound 'severe'; known bounds: critical, high, medium, low, secrets");
    }

    @Test
    void shouldReadBoundsByName() {
        FindingBounds bounds = FindingBounds.of(name -> name.equals("low") ? Optional.of(7L) : Optional.empty());

        assertThat(bounds.low()).hasValue(7);
        assertThat(bounds.describe()).isEqualTo("7 low");
    }
}
