package io.genesis.cli;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.metrics.WindowStats;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The demo on the sandbox: slots and proxy inside this process, the faulty version's faults built in. */
final class SandboxDemoStage implements DemoStage {

    private final SandboxKind sandbox = new SandboxKind(
            SandboxConfig.defaults()
                    .withLauncher(InProcessSlotLauncher.healthy()
                            .withFaults(Demo.FAULTY, FaultProfile.none().failing(Demo.FAULTY_PERCENT)))
                    .withWindow(new WindowLayout(Duration.ofMillis(250), 2_400))
                    .withDrainTimeout(Duration.ofSeconds(2)),
            20,
            Duration.ofMillis(4));

    @Override
    public TargetKind kind() {
        return sandbox;
    }

    @Override
    public String where() {
        return "one process, 127.0.0.1 only";
    }

    @Override
    public TargetSpec target(DeploymentKey key, Version version, Consumer<String> log) {
        return sandbox.newTarget(key, version, Map.of(SandboxKind.STABLE, Demo.BEFORE, SandboxKind.LOAD, "3"), log);
    }

    @Override
    public void traffic(PrintWriter out) {
        Optional<RunningLoad> load = sandbox.load();
        sandbox.sandbox().ifPresent(running -> {
            WindowStats all = running.metrics(Duration.ofMinutes(10)).overall();
            out.println("  traffic through the proxy: " + all.requestCount() + " requests, " + all.errorCount()
                    + " answered with an error"
                    + all.errorRate()
                            .map(rate -> " (" + rate + " of all requests)")
                            .orElse("")
                    + "; only " + Demo.FAULTY + " fails requests in this demo"
                    + load.map(l -> "; the load generator finished " + l.completed() + " requests")
                            .orElse(""));
        });
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
