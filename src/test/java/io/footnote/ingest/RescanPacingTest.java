package io.footnote.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RescanPacingTest {

    private static final long INTERVAL = 10_000;

    /** Records what is scheduled and when, runs nothing. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMillis = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMillis.add(unit.toMillis(delay));
            return null;
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    /** A rescan that takes {@code millis} on the fake clock and ends as {@code outcome}. */
    private Supplier<Optional<? extends Future<?>>> taking(long millis, CompletableFuture<?> outcome) {
        return () -> {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
            return Optional.of(outcome);
        };
    }

    @Test
    void the_first_rescan_waits_one_interval() {
        new RescanPacing(scheduler, Optional::empty, INTERVAL, clock::get).start();

        assertEquals(List.of(INTERVAL), scheduler.delaysMillis);
    }

    @Test
    void after_a_quick_rescan_the_next_waits_the_interval() {
        RescanPacing pacing = new RescanPacing(scheduler,
                taking(300, CompletableFuture.completedFuture(null)), INTERVAL, clock::get);

        pacing.runOnce();

        assertEquals(List.of(INTERVAL), scheduler.delaysMillis);
    }

    @Test
    void after_a_long_rescan_the_next_waits_nine_times_its_duration_from_its_end() {
        // given: a rescan of a large folder, 9 s (about 200,000 unchanged files)
        RescanPacing pacing = new RescanPacing(scheduler,
                taking(9_000, CompletableFuture.completedFuture(null)), INTERVAL, clock::get);

        // when
        pacing.runOnce();

        // then: rescanning takes a tenth of the time, not 9 s of every 10
        assertEquals(List.of(81_000L), scheduler.delaysMillis);
    }

    @Test
    void a_failed_rescan_keeps_the_schedule() {
        RescanPacing pacing = new RescanPacing(scheduler,
                taking(2_000, CompletableFuture.failedFuture(new IllegalStateException("disk gone"))), INTERVAL,
                clock::get);

        pacing.runOnce();

        assertEquals(List.of(18_000L), scheduler.delaysMillis);
    }

    @Test
    void when_the_queue_is_busy_no_rescan_starts_and_the_next_try_waits_the_interval() {
        RescanPacing pacing = new RescanPacing(scheduler, Optional::empty, INTERVAL, clock::get);

        pacing.runOnce();

        assertEquals(List.of(INTERVAL), scheduler.delaysMillis);
    }

    @Test
    void once_the_scheduler_is_shut_down_nothing_more_is_scheduled() {
        RescanPacing pacing = new RescanPacing(scheduler,
                taking(100, CompletableFuture.completedFuture(null)), INTERVAL, clock::get);
        scheduler.shutdown();

        pacing.runOnce();

        assertEquals(List.of(), scheduler.delaysMillis);
    }
}
