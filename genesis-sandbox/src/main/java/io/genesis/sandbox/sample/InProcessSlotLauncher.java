package io.genesis.sandbox.sample;

import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotLauncher;
import io.genesis.sandbox.slot.Versions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Starts each version as a {@link SampleService} inside this JVM, on a free loopback port. A version can be
 * given a {@link FaultProfile} up front (say, {@code 2.0.0-bad} fails 20 %), and any slot's profile can be
 * changed later through {@link InProcessSlot#service()}. The slot is returned once its server listens;
 * an unhealthy profile still starts, so a failing smoke check can be tested.
 */
public final class InProcessSlotLauncher implements SlotLauncher {

    private final Map<String, FaultProfile> faultsByVersion;

    private InProcessSlotLauncher(Map<String, FaultProfile> faultsByVersion) {
        this.faultsByVersion = Map.copyOf(faultsByVersion);
    }

    /** A launcher whose versions all behave. */
    public static InProcessSlotLauncher healthy() {
        return new InProcessSlotLauncher(Map.of());
    }

    /** This launcher, starting {@code version} with {@code faults}. */
    public InProcessSlotLauncher withFaults(String version, FaultProfile faults) {
        Map<String, FaultProfile> copy = new HashMap<>(faultsByVersion);
        copy.put(Versions.require(version), Objects.requireNonNull(faults, "faults"));
        return new InProcessSlotLauncher(copy);
    }

    /** The profile {@code version} starts with. */
    public FaultProfile faultsFor(String version) {
        return faultsByVersion.getOrDefault(version, FaultProfile.none());
    }

    @Override
    public InProcessSlot launch(SlotId id, String version) {
        Objects.requireNonNull(id, "id");
        return new InProcessSlot(id, SampleService.start(version, 0, faultsFor(version)));
    }
}
