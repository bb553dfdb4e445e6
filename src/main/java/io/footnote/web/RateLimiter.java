package io.footnote.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Per-client token buckets: each client may make {@code burst} requests at once and {@code perMinute}
 * requests a minute after that. Buckets live in a bounded map (least recently seen clients forgotten
 * first, and any client idle long enough to have refilled), so a flood of distinct addresses cannot exhaust
 * memory; a forgotten client starts again with a full bucket, which is what it would have had anyway.
 */
final class RateLimiter {

    private final int perMinute;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    RateLimiter(int perMinute, int burst, int maxClients) {
        this.perMinute = perMinute;
        this.burst = Math.max(1, burst);
        // A bucket refills completely within burst/perMinute minutes; after that it is the same as a new one.
        Duration refill = perMinute <= 0 ? Duration.ofMinutes(1)
                : Duration.ofMillis(Math.max(1000L, 60_000L * this.burst / perMinute));
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxClients)).expireAfterAccess(refill).build();
    }

    boolean enabled() {
        return perMinute > 0;
    }

    /**
     * Takes one request from {@code client}'s allowance.
     *
     * @return empty when the request may go ahead, else the whole seconds (at least 1) until it may
     */
    OptionalLong acquire(String client) {
        if (!enabled()) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.get(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
