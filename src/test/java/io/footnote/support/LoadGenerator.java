package io.footnote.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop HTTP load: {@code clients} threads, each sending its next request as soon as the previous
 * answer arrived, for a warm-up period (not measured) and then the measured period.
 */
public final class LoadGenerator {

    /** Requests per second and latency percentiles over the measured period. */
    public record Result(int clients, int requests, int errors, double qps, double p50, double p95, double p99) {
    }

    private LoadGenerator() {
    }

    public static Result run(String url, List<String> bodies, int clients, Duration warmUp, Duration measure) {
        return run(url, bodies, clients, warmUp, measure, null);
    }

    /**
     * As {@link #run(String, List, int, Duration, Duration)}, sending {@code authorization} (a whole header value)
     * with every request when not null.
     */
    public static Result run(String url, List<String> bodies, int clients, Duration warmUp, Duration measure,
                             String authorization) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                try {
                    while (System.nanoTime() < end) {
                        String body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .headers(authorization == null ? new String[]{"X-Load", "1"}
                                        : new String[]{"Authorization", authorization})
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (ok) {
                                latencies.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double secs = measure.toNanos() / 1e9;
        return new Result(clients, sorted.size(), errors.get(), sorted.size() / secs,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
    }

    /** Milliseconds at quantile {@code q} (nearest rank). */
    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank))) / 1e6;
    }
}
