package io.genesis.kubernetes.testing.cluster;

import java.time.Instant;
import java.util.Optional;

/** One controller of the simulated cluster: it acts on what it sees at an instant, as the real one would. */
public interface Component {

    /** Brings what this component owns up to date at {@code now}; true when it wrote anything. */
    boolean sync(Instant now);

    /** The next instant at which this component has something to do without being told, if any. */
    Optional<Instant> nextEvent(Instant now);
}
