package io.genesis.kubernetes.lock;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this process last saw each Lease change, on its own clock. Another holder's claim lapses
 * once its record (holder, renew time, duration) stayed the same for a whole lease duration as
 * this process watched it, never by comparing that host's {@code renewTime} with this host's clock:
 * the two clocks may disagree by minutes. This is how client-go's leader election judges expiry
 * (tools/leaderelection, {@code observedTime}, {@code observedRecord}). A record seen for the first
 * time counts from that moment, so a process that starts next to a dead holder waits one lease
 * duration before taking over.
 */
public final class ObservedLeases {

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** Whether the claim in {@code lease} has lapsed at {@code now}: unchanged for its duration, or held by nobody. */
    public boolean lapsed(Lease lease, Instant now) {
        var spec = lease.getSpec();
        if (spec == null
                || spec.getHolderIdentity() == null
                || spec.getHolderIdentity().isEmpty()) {
            return true;
        }
        String record = record(lease);
        Seen last = seen.compute(
                key(lease),
                (k, before) -> before != null && before.record().equals(record) ? before : new Seen(record, now));
        int seconds = spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds();
        return !now.isBefore(last.at().plusSeconds(seconds));
    }

    /** Notes that this process wrote {@code lease} at {@code now}: its own claim counts from then. */
    public void wrote(Lease lease, Instant now) {
        seen.put(key(lease), new Seen(record(lease), now));
    }

    private static String key(Lease lease) {
        return lease.getMetadata().getNamespace() + "/" + lease.getMetadata().getName();
    }

    private static String record(Lease lease) {
        var spec = lease.getSpec();
        return spec.getHolderIdentity() + "|" + spec.getRenewTime() + "|" + spec.getLeaseDurationSeconds() + "|"
                + spec.getLeaseTransitions();
    }

    private record Seen(String record, Instant at) {
        Seen {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(at, "at");
        }
    }
}
