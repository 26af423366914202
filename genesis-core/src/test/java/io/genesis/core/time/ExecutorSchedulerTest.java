package io.genesis.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    @Test
    void shouldRunDueWorkAndReportFailures() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> {
            failures.add(e);
            ran.countDown();
        })) {
            scheduler.schedule("a", clock.instant().minusSeconds(1), ran::countDown);
            scheduler.schedule("b", clock.instant(), () -> {
                throw new IllegalStateException("boom");
            });

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void shouldForgetCancelledAndReplacedWork() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> {})) {
            scheduler.schedule("a", clock.instant().plusSeconds(60), () -> ran.add("replaced"));
            scheduler.schedule("a", clock.instant().plusMillis(20), () -> ran.add("a"));
            scheduler.schedule("b", clock.instant().plusSeconds(60), () -> ran.add("cancelled"));
            scheduler.cancel("b");
            scheduler.schedule("c", clock.instant().plusMillis(50), last::countDown);

            assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).containsExactly("a");
    }

    @Test
    void shouldLetARunningWakeUpFinishAndDropPendingOnesOnClose() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> {}, Duration.ofSeconds(30));
        scheduler.schedule("running", clock.instant(), () -> {
            started.countDown();
            try {
                release.await();
                ran.add(Thread.currentThread().isInterrupted() ? "interrupted" : "finished");
            } catch (InterruptedException e) {
                ran.add("interrupted");
            }
        });
        scheduler.schedule("later", clock.instant().plusSeconds(60), () -> ran.add("later"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(scheduler::close);
        closer.start();
        release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(ran).containsExactly("finished");
        scheduler.schedule("after", clock.instant(), () -> ran.add("after"));
        assertThat(ran).containsExactly("finished");
    }

    @Test
    void shouldInterruptAWakeUpThatOutlivesTheGrace() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> {}, Duration.ZERO);
        scheduler.schedule("stuck", clock.instant(), () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        scheduler.close();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
