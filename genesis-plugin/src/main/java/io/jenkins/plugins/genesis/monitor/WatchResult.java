package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A watch as a Pipeline script reads it, and how each ending ends the step. Only strings and
 * numbers go into the map: the script's program is saved with it.
 */
final class WatchResult {

    /** How each console line starts, as the deploy steps' lines do. */
    static final String PREFIX = "[genesis] ";

    private WatchResult() {}

    /**
     * {@code watchId}, {@code application}, {@code environment}, {@code version}, {@code rolloutId},
     * {@code stage} ({@code WATCHING}, {@code ROLLING_BACK} or {@code ENDED}), {@code verdict} (empty
     * while it runs), {@code reason}, {@code startedAt}, {@code endsAt}, {@code samples} and
     * {@code incidents}.
     */
    static Map<String, Object> scriptValue(WatchState state) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("watchId", state.id().value());
        value.put("application", state.request().key().application());
        value.put("environment", state.request().key().environment());
        value.put("version", state.request().version().value());
        value.put("rolloutId", state.request().rolloutId());
        value.put("stage", state.stage().name());
        value.put("verdict", state.ended() ? state.outcome().verdict().name() : "");
        value.put("reason", state.ended() ? state.outcome().reason() : "");
        value.put("startedAt", state.startedAt().toString());
        value.put("endsAt", state.endsAt().toString());
        value.put("samples", state.sampling().run().samples());
        value.put("incidents", state.incidents().size());
        return value;
    }

    /**
     * The watch ended: the step returns unless the version was rolled back or the data allowed no
     * verdict, which fail the stage (missing data is never healthy).
     */
    static void end(WatchState state, WatchSink sink) {
        WatchVerdict verdict = state.outcome().verdict();
        switch (verdict) {
            case HEALTHY, SUPERSEDED, STOPPED -> sink.succeeded(scriptValue(state));
            case ROLLED_BACK, INCONCLUSIVE ->
                sink.failed(state.request().key().application() + " "
                        + state.request().version().value() + " in "
                        + state.request().key().environment()
                        + ": post-deploy watch " + state.id() + " " + verdict + ": "
                        + state.outcome().reason());
        }
    }

    /** The step's {@code for:} has passed: it returns, and the watch goes on in the background. */
    static void release(WatchState state, WatchSink sink) {
        sink.say(PREFIX + "watch " + state.id() + " goes on in the background until " + state.endsAt()
                + "; its verdict will show on the build page");
        sink.succeeded(scriptValue(state));
    }
}
