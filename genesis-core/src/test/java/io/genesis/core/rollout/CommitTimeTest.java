package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitTimeTest {

    @ParameterizedTest
    @CsvSource({
        // what git show -s --format=%cI prints, in any zone, and UTC's Z
        "2026-12-07T06:00:00+01:00, 2026-12-07T05:00:00Z",
        "2026-12-06T21:00:00-08:00, 2026-12-07T05:00:00Z",
        "2026-12-07T05:00:00Z, 2026-12-07T05:00:00Z",
        "' 2026-12-07T05:00:00.250Z ', 2026-12-07T05:00:00.250Z"
    })
    void shouldReadIsoTimesWithTheirOffset(String text, String instant) {
        assertThat(CommitTime.parse("--commit-time", text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-07T06:00:00", // no offset: which zone?
        "2026-12-07 06:00:00 +0100", // git's %ci, not %cI
        "2026-12-07",
        "yesterday",
        "''"
    })
    void shouldRefuseAnythingElseNamingTheOptionAndTheForm(String text) {
        assertThatThrownBy(() -> CommitTime.parse("commitTime", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commitTime '" + text + "' is not a commit time: expected ISO-8601 with an offset, such as"
                        + " 2026-12-07T06:00:00+01:00 or 2026-12-07T05:00:00Z, as 'git show -s --format=%cI <commit>'"
                        + " prints it");
    }
}
