package io.jenkins.plugins.genesis.monitor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code genesisMonitor} step's sink as a test sees it: the lines a build's console would show and
 * how the step ended. Stands in for the {@code StepContext} that only a running Jenkins can make.
 */
final class RecordingWatchSink implements WatchSink {

    final List<String> console = new CopyOnWriteArrayList<>();
    final List<String> endings = new CopyOnWriteArrayList<>();
    volatile Map<String, Object> value;
    volatile String failure;

    @Override
    public void say(String line) {
        console.add(line);
    }

    @Override
    public void succeeded(Map<String, Object> result) {
        value = result;
        endings.add("succeeded");
    }

    @Override
    public void failed(String reason) {
        failure = reason;
        endings.add("failed");
    }

    boolean ended() {
        return !endings.isEmpty();
    }

    boolean said(String text) {
        return console.stream().anyMatch(line -> line.contains(text));
    }
}
