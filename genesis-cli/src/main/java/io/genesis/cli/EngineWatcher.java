package io.genesis.cli;

import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.WatchListener;
import io.genesis.core.watch.WatchRollback;
import io.genesis.core.watch.Watcher;

/**
 * The watcher of a command's engine, the same for every command that watches (monitor, deploy, serve):
 * the state directory's watches, the engine's scheduler, owner and lease, its target kinds' metric
 * sources, and rollbacks through its orchestrator. A watch whose process has ended on this machine is
 * adopted at once rather than after its lease. Its milestones also go to the policy's notification targets.
 */
final class EngineWatcher {

    private EngineWatcher() {}

    static Watcher of(Engine engine, Host host, WatchListener listener) {
        return Watcher.builder()
                .clock(host.clock())
                .scheduler(engine.scheduler())
                .store(new FileWatchStore(engine.dir().watchDir()))
                .owner(engine.owner().name(), Engine.settings(engine.owner()).leaseTtl())
                .ownerEnded(name -> new EngineOwner(name).certainlyEnded())
                .pollInterval(host.pollInterval())
                .metricSources(engine.kinds())
                .rollback(WatchRollback.through(engine.orchestrator()))
                .listener(engine.watches(listener))
                .build();
    }
}
