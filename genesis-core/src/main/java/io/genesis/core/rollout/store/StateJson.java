package io.genesis.core.rollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.secret.Redaction;
import io.genesis.core.time.StoredJson;
import io.genesis.core.time.TimeJson;
import java.nio.charset.StandardCharsets;

/** The JSON form of stored states (rollouts, watches) and leases. */
final class StateJson {

    private static final ObjectMapper JSON = TimeJson.mapper().copy().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private StateJson() {}

    static byte[] write(RolloutState state) {
        return bytes(state, "rollout " + state.id());
    }

    static RolloutState readState(byte[] bytes) throws JsonProcessingException {
        return read(bytes, RolloutState.class);
    }

    /** Any stored state (a rollout, a watch) as redacted JSON; {@code what} names it in an error. */
    static byte[] write(Object state, String what) {
        return bytes(state, what);
    }

    static <S> S read(byte[] bytes, Class<S> type) throws JsonProcessingException {
        return StoredJson.read(bytes, type);
    }

    static byte[] write(Lease lease) {
        return bytes(lease, "lease on " + lease.key());
    }

    static Lease readLease(byte[] bytes) throws JsonProcessingException {
        return StoredJson.read(bytes, Lease.class);
    }

    private static byte[] bytes(Object value, String what) {
        try {
            // One redaction for everything stored: a credential that reached a message never reaches the disk.
            return Redaction.text(JSON.writeValueAsString(value)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + what + " as JSON", e);
        }
    }
}
