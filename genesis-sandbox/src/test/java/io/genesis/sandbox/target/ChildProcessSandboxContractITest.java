package io.genesis.sandbox.target;

import io.genesis.sandbox.sample.SampleServiceMain;
import io.genesis.sandbox.slot.ProcessSlotLauncher;
import io.genesis.sandbox.slot.SlotLauncher;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target contract with every version running as its own process, as a real application would: starting
 * and stopping take real time here, so the background start and the stops the target waits for are tested
 * against slots that are not instant.
 */
class ChildProcessSandboxContractITest extends SandboxTargetContract {

    @TempDir
    Path logs;

    @Override
    SlotLauncher launcher() {
        return ProcessSlotLauncher.of(SampleServiceMain.commandTemplate())
                .withLogDirectory(logs)
                .withStartTimeout(Duration.ofSeconds(20));
    }
}
