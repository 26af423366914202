package io.genesis.sandbox.sample;

import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotKind;
import java.net.URI;

/** A slot whose application is a {@link SampleService} in this JVM. */
public final class InProcessSlot implements Slot {

    private final SlotId id;
    private final SampleService service;

    InProcessSlot(SlotId id, SampleService service) {
        this.id = id;
        this.service = service;
    }

    @Override
    public SlotId id() {
        return id;
    }

    @Override
    public String version() {
        return service.version();
    }

    @Override
    public SlotKind kind() {
        return SlotKind.IN_PROCESS;
    }

    @Override
    public URI baseUri() {
        return service.baseUri();
    }

    /** The running service, to change its faults while it takes traffic. */
    public SampleService service() {
        return service;
    }

    @Override
    public boolean isRunning() {
        return service.isRunning();
    }

    @Override
    public void stop() {
        service.stop();
    }

    @Override
    public String toString() {
        return id + " (" + version() + ", in-process, " + baseUri() + ")";
    }
}
