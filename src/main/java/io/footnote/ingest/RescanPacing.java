package io.footnote.ingest;

import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Periodic rescans of the corpus folder, paced by what they cost.
 *
 * <p>Contract: the first rescan starts {@code interval} after {@link #start}; each next one starts
 * {@link #delayAfter} the previous one ended (not began), so rescans never overlap and, however large the folder,
 * take at most a tenth of one core. Why: a rescan of an unchanged folder reads every file's size and date and each
 * article's stored version; at 200,000 articles that is about 9 s of CPU, so a fixed 10 s period kept one core
 * rescanning half the time and questions waited for it. A failed rescan is logged and the schedule goes on;
 * shutting the scheduler down ends it.
 */
public final class RescanPacing {

    private static final Logger LOG = Logger.getLogger(RescanPacing.class);

    /** Idle time after a rescan, in multiples of its duration: a rescan then takes at most a tenth of the time. */
    static final long IDLE_PER_BUSY = 9;

    private final ScheduledExecutorService scheduler;
    private final Supplier<Optional<? extends Future<?>>> rescan;
    private final long intervalMillis;
    private final LongSupplier nanoClock;

    /**
     * @param scheduler a scheduler of its own (it waits for each rescan to end)
     * @param rescan    starts a rescan, or nothing when one is not wanted now (the ingest queue is busy)
     * @param interval  the least time between rescans, milliseconds
     */
    public RescanPacing(ScheduledExecutorService scheduler, Supplier<Optional<? extends Future<?>>> rescan,
                        long intervalMillis) {
        this(scheduler, rescan, intervalMillis, System::nanoTime);
    }

    RescanPacing(ScheduledExecutorService scheduler, Supplier<Optional<? extends Future<?>>> rescan,
                 long intervalMillis, LongSupplier nanoClock) {
        this.scheduler = scheduler;
        this.rescan = rescan;
        this.intervalMillis = intervalMillis;
        this.nanoClock = nanoClock;
    }

    public void start() {
        scheduler.schedule(this::runOnce, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** How long to wait after a rescan that took {@code tookMillis}. */
    static long delayAfter(long intervalMillis, long tookMillis) {
        return Math.max(intervalMillis, IDLE_PER_BUSY * tookMillis);
    }

    void runOnce() {
        long began = nanoClock.getAsLong();
        try {
            Optional<? extends Future<?>> running = rescan.get();
            if (running.isPresent()) {
                running.get().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("Rescan of the corpus folder failed; the next one is scheduled as usual", e);
        }
        long took = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - began);
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::runOnce, delayAfter(intervalMillis, took), TimeUnit.MILLISECONDS);
        }
    }
}
