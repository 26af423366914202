package io.genesis.sandbox.target;

import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.SlotLauncher;

/** The target contract with every version running as a sample service in this JVM, the sandbox's default. */
class InProcessSandboxContractITest extends SandboxTargetContract {

    @Override
    SlotLauncher launcher() {
        return InProcessSlotLauncher.healthy();
    }
}
