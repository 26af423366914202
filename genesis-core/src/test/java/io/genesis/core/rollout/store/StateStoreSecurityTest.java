package io.genesis.core.rollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollout states and leases are private files, never reached through a planted link. */
class StateStoreSecurityTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final DeploymentKey SHOP = new DeploymentKey("shop", "production");

    @TempDir
    Path temp;

    @Test
    void shouldStoreStatesAndLeasesForTheirOwnerOnly() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        Path rollouts = temp.resolve("state/rollouts");
        Path locks = temp.resolve("state/locks");

        new FileRolloutStateStore(rollouts, false).save(FileRolloutStateStoreTest.state("r-1"));
        new FileRolloutLock(locks, false).acquire(SHOP, "r-1", "engine-1", T0, Duration.ofMinutes(5));

        assertThat(mode(temp.resolve("state"))).isEqualTo("rwx------");
        assertThat(mode(rollouts)).isEqualTo("rwx------");
        assertThat(mode(rollouts.resolve("r-1.json"))).isEqualTo("rw-------");
        assertThat(mode(locks.resolve(SHOP.fileName() + ".lease"))).isEqualTo("rw-------");
        assertThat(mode(locks.resolve(SHOP.fileName() + ".mutex"))).isEqualTo("rw-------");
    }

    @Test
    void shouldNotReadAPlantedStateLink() throws IOException {
        Path rollouts = Files.createDirectories(temp.resolve("rollouts"));
        Path planted = temp.resolve("planted.json");
        new FileRolloutStateStore(temp.resolve("elsewhere"), false).save(FileRolloutStateStoreTest.state("r-9"));
        Files.move(temp.resolve("elsewhere/r-9.json"), planted);
        Files.createSymbolicLink(rollouts.resolve("r-9.json"), planted);
        FileRolloutStateStore store = new FileRolloutStateStore(rollouts, false);

        assertThatThrownBy(() -> store.load(RolloutId.of("r-9")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(store.list()).isEmpty();
        assertThat(store.problems()).singleElement().asString().contains("r-9.json skipped: a symbolic link");
    }

    @Test
    void shouldNotReplaceAPlantedStateLinkNorWriteThroughIt() throws IOException {
        Path rollouts = Files.createDirectories(temp.resolve("rollouts"));
        Path victim = Files.writeString(temp.resolve("victim"), "original");
        Files.createSymbolicLink(rollouts.resolve("r-1.json"), victim);
        RolloutState state = FileRolloutStateStoreTest.state("r-1");

        assertThatThrownBy(() -> new FileRolloutStateStore(rollouts, false).save(state))
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("original");
    }

    @Test
    void shouldNotLockThroughAPlantedMutexLink() throws IOException {
        Path locks = Files.createDirectories(temp.resolve("locks"));
        Path victim = Files.writeString(temp.resolve("victim"), "original");
        Files.createSymbolicLink(locks.resolve(SHOP.fileName() + ".mutex"), victim);
        FileRolloutLock lock = new FileRolloutLock(locks, false);

        assertThatThrownBy(() -> lock.acquire(SHOP, "r-1", "engine-1", T0, Duration.ofMinutes(5)))
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("original");
    }

    @Test
    void shouldRefuseAStateDirectoryOfAnotherUser() throws IOException {
        Path rollouts = Files.createDirectories(temp.resolve("rollouts"));
        UserPrincipal nobody =
                FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try {
            Files.setOwner(rollouts, nobody);
        } catch (IOException e) {
            assumeThat(e).as("only root can give a directory away").isNull();
        }
        FileRolloutStateStore store = new FileRolloutStateStore(rollouts, false);

        assertThatThrownBy(() -> store.save(FileRolloutStateStoreTest.state("r-1")))
                .hasMessageContaining("belongs to user nobody")
                .hasMessageContaining("use a state directory of your own");
        assertThatThrownBy(store::list).hasMessageContaining("belongs to user nobody");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
