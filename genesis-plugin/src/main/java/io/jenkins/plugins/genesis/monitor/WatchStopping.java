package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchState;
import java.util.Optional;

/**
 * What the <i>Stop watching</i> button of a watch's build page decides, with no Jenkins type in it, so a
 * unit test drives it as the button does: a person with the permission, naming a reason, stops a watch
 * that still runs; the engine ({@code Watcher.stop}) records who and why. The permission itself is
 * checked by {@link WatchAction#doStop} before this is asked.
 *
 * @param stopped whether the watch was stopped (or the stop stored for the process that runs it)
 * @param message for the person: what was done, or why not and what to do
 */
record WatchStopping(boolean stopped, String message) {

    /**
     * @param user the Jenkins user id of the person who pressed the button
     * @param reason what they typed; required
     */
    static WatchStopping stop(MonitorHost host, WatchId id, String user, String reason) {
        if (reason == null || reason.isBlank()) {
            return new WatchStopping(false, Messages.WATCH_STOP_NO_REASON.format(id.value()));
        }
        Optional<WatchState> stored = host.view(id);
        if (stored.isEmpty()) {
            return new WatchStopping(false, Messages.WATCH_STOP_UNKNOWN.format(id.value()));
        }
        if (stored.get().ended()) {
            return new WatchStopping(
                    false,
                    Messages.WATCH_STOP_ENDED.format(
                            id.value(), stored.get().outcome().verdict().name()));
        }
        WatchState now = host.stop(id, user, reason.strip());
        return new WatchStopping(
                true,
                now.ended()
                        ? Messages.WATCH_STOPPED.format(
                                id.value(), now.outcome().reason())
                        : Messages.WATCH_STOP_STORED.format(id.value(), now.owner()));
    }
}
