package io.genesis.core.rollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRolloutLockTest extends RolloutLockContract {

    @TempDir
    Path directory;

    @Override
    RolloutLock locks() {
        return new FileRolloutLock(directory);
    }

    @Test
    void shouldGrantTheLockToExactlyOneOfManyContenders() throws Exception {
        List<RolloutLock> stores = List.of(new FileRolloutLock(directory), new FileRolloutLock(directory, false));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Lease>>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int contender = i;
            attempts.add(pool.submit(() -> {
                start.await();
                return stores.get(contender % 2).acquire(SHOP, "r-" + contender, "engine-" + contender, T0, TTL);
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Optional<Lease>> attempt : attempts) {
            granted += attempt.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(1);
    }

    @Test
    void shouldFreeALeaseAtOnceWhenItsOwnersProcessHasEnded() {
        new FileRolloutLock(directory).acquire(SHOP, "r-dead", "engine-dead", T0, TTL);
        RolloutLock knowing = new FileRolloutLock(directory, false, owner -> owner.equals("engine-dead"));

        Optional<Lease> granted = knowing.acquire(SHOP, "r-next", "engine-next", T0.plusSeconds(1), TTL);

        assertThat(granted).map(Lease::holder).contains("r-next");
        assertThat(new FileRolloutLock(directory).acquire(SHOP, "r-other", "engine-other", T0.plusSeconds(2), TTL))
                .as("a live owner's lease still holds")
                .isEmpty();
    }

    @Test
    void shouldTreatAnUnreadableLeaseAsNoLease() throws IOException {
        Files.writeString(directory.resolve("shop.production.lease"), "{not json");

        assertThat(locks().current(SHOP)).isEmpty();
        assertThat(locks().acquire(SHOP, "r-1", "engine-1", T0, TTL)).isPresent();
    }

    @Test
    void shouldNameAnUnreadableLeaseWithWhatItMeansAndWhatToDo() throws IOException {
        new FileRolloutLock(directory).acquire(SHOP, "r-1", "engine-1", T0, TTL);
        Path damaged = directory.resolve("shop.staging.lease");
        Files.writeString(damaged, "{\"holder\":\"r-2\",\n\"own");

        assertThat(new FileRolloutLock(directory).problems())
                .singleElement()
                .asString()
                .startsWith(damaged + " is not a readable lease (" + damaged + ", line 2")
                .contains("so it locks nothing", "make sure no genesis process deploys there, then remove the file");
    }

    @Test
    void shouldFindNothingWrongInReadableLeasesOrAMissingDirectory() {
        new FileRolloutLock(directory).acquire(SHOP, "r-1", "engine-1", T0, TTL);

        assertThat(new FileRolloutLock(directory).problems()).isEmpty();
        assertThat(new FileRolloutLock(directory.resolve("none")).problems()).isEmpty();
    }

    @Test
    void shouldSayWhatItCouldNotLock() throws IOException {
        Path file = directory.resolve("file");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> new FileRolloutLock(file).acquire(SHOP, "r-1", "engine-1", T0, TTL))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("could not lock shop in production in");
    }
}
