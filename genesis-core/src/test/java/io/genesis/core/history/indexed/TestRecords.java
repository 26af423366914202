package io.genesis.core.history.indexed;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small records for the indexed store's tests and the processes they start. */
final class TestRecords {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private TestRecords() {}

    /** A record of {@code application} in {@code environment} from {@code build}, ended {@code minute} after T0. */
    static DeploymentRecord of(
            String id, String application, String environment, String build, RecordStatus status, int minute) {
        Instant ended = T0.plus(Duration.ofMinutes(minute));
        return new DeploymentRecord(
                id,
                application,
                environment,
                "1.0." + minute,
                "a1b2c3d",
                "branch main",
                build,
                "rolling",
                "bob",
                "test",
                ended.minusSeconds(30),
                ended,
                status,
                "because",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
