package io.footnote.opensearch;

import io.footnote.app.Pipeline;
import io.footnote.answer.Answer;
import io.footnote.eval.EvalCase;
import io.footnote.index.ArticleIndex;
import io.footnote.index.OpenSearchIndex;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.support.OpenSearchCluster;
import io.footnote.support.TestCorpora;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node of the two-node cluster killed (SIGKILL) while the service asks questions, and while it ingests:
 * with one replica, questions keep being answered, the same way, and every acknowledged article is there.
 */
class OpenSearchFailoverIT {

    @Test
    void questions_keep_being_answered_identically_when_a_node_dies_under_query_load() throws Exception {
        // given
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        List<EvalCase> cases = Backends.cases();
        try (Pipeline p = Backends.openSearch(cluster, "failover-query", Map.of())) {
            p.ingest(x -> { });
            Map<String, String> before = new HashMap<>();
            for (EvalCase c : cases) {
                before.put(c.question(), signature(p.answers().ask(c.question(), List.of(), null)));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger answeredAfterKill = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> different = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                load.add(clients.submit(() -> {
                    for (int i = offset; !stop.get(); i++) {
                        EvalCase c = cases.get(i % cases.size());
                        boolean afterKill = killed.get();
                        try {
                            String got = signature(p.answers().ask(c.question(), List.of(), null));
                            answered.incrementAndGet();
                            if (afterKill) {
                                answeredAfterKill.incrementAndGet();
                            }
                            if (!got.equals(before.get(c.question()))) {
                                different.add(c.question());
                            }
                        } catch (RuntimeException e) {
                            failures.add(c.question() + ": " + e);
                        }
                    }
                }));
            }

            // when
            awaitAtLeast(answered, 40);
            cluster.kill(OpenSearchCluster.DATA_ONLY);
            killed.set(true);
            awaitAtLeast(answeredAfterKill, 200);
            String reported = awaitReported(p);
            stop.set(true);
            for (Future<?> f : load) {
                f.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();

            // then
            System.out.printf("query load: %d answered, %d after the kill, %d failed%n", answered.get(),
                    answeredAfterKill.get(), failures.size());
            assertEquals(List.of(), failures, "every question answered although a node died");
            assertEquals(List.of(), different, "answers unchanged by the failover");
            assertTrue(answeredAfterKill.get() >= 200);
            assertEquals("yellow", reported, "the lost copy is reported by the readiness data");
        } finally {
            cluster.restart(OpenSearchCluster.DATA_ONLY);
        }
    }

    @Test
    void no_acknowledged_article_is_lost_when_a_node_dies_during_ingest() throws Exception {
        // given
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        Path corpus = Path.of("target/opensearch-it/failover-ingest-corpus");
        if (Files.exists(corpus)) { // left by an earlier run: the pass must ingest everything afresh
            try (Stream<Path> old = Files.walk(corpus)) {
                for (Path f : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        List<String> files = TestCorpora.bbc().isPresent()
                ? TestCorpora.copyBbcSubset(TestCorpora.bbc().get(), corpus, 400)
                : TestCorpora.writeSynthetic(corpus, 400);
        AtomicReference<IngestReport> report = new AtomicReference<>();
        try (Pipeline p = Backends.openSearch(cluster, "failover-ingest", Map.of("footnote.opensearch.bulk-articles", "16"))) {
            CountDownLatch halfway = new CountDownLatch(1);
            AtomicInteger done = new AtomicInteger();
            Thread ingest = new Thread(() -> report.set(p.ingester().ingest(corpus, new CorpusIngester.Listener() {
                @Override
                public void fileDone(String path, CorpusIngester.Outcome outcome, String reason) {
                    if (done.incrementAndGet() == files.size() / 3) {
                        halfway.countDown();
                    }
                }
            })));

            // The primary on the node about to die, so the kill hits the writes themselves: cancelling the
            // primary on node 1 promotes its replica on node 2 (and node 1 gets a new replica).
            // Only once both copies are started: an initialising replica cannot be promoted.
            String shards = "";
            for (int attempt = 0; attempt < 5 && !shards.contains("p node-2"); attempt++) {
                cluster.awaitHealth("green", OpenSearchCluster.NODES, java.time.Duration.ofMinutes(3));
                cluster.request("POST", "/_cluster/reroute", "{\"commands\":[{\"cancel\":{\"index\":\"failover-ingest\","
                        + "\"shard\":0,\"node\":\"node-1\",\"allow_primary\":true}}]}");
                cluster.awaitHealth("green", OpenSearchCluster.NODES, java.time.Duration.ofMinutes(3));
                shards = cluster.request("GET", "/_cat/shards/failover-ingest?h=prirep,node", null).body();
            }
            assertTrue(shards.contains("p node-2"), "primary on the node to kill: " + shards);

            // when
            ingest.start();
            assertTrue(halfway.await(10, TimeUnit.MINUTES), "ingest reached a third of the corpus");
            cluster.kill(OpenSearchCluster.DATA_ONLY);
            ingest.join(TimeUnit.MINUTES.toMillis(15));
            String reported = awaitReported(p);

            // then
            assertTrue(report.get() != null, "the ingest pass finished despite the dead node");
            ArticleIndex index = p.index();
            Map<String, String> stored = index.contentHashes();
            assertEquals(files.size(), report.get().documents(), "every article acknowledged");
            assertEquals(files.size(), stored.size(), "every acknowledged article is in the cluster");
            for (var e : stored.entrySet()) {
                assertEquals(e.getValue(), index.document(e.getKey()).orElseThrow().document().contentHash());
            }
            assertEquals("yellow", reported, "the lost copy is reported by the readiness data");
            String count = cluster.request("GET", "/failover-ingest/_count?q=kind:chunk", null).body();
            assertTrue(count.contains("\"count\":" + report.get().chunks() + ","), count + " vs " + report.get().chunks());
            System.out.printf("ingest with a node killed: %d articles, %d chunks, %d bulk actions retried%n",
                    files.size(), report.get().chunks(), ((OpenSearchIndex) index).bulkRetries());
        } finally {
            cluster.restart(OpenSearchCluster.DATA_ONLY);
        }
    }

    /** What a user sees of an answer: its text and its citations (not the timings). */
    static String signature(Answer a) {
        StringBuilder b = new StringBuilder(a.answer()).append(" | ");
        a.citations().forEach(c -> b.append(c.documentId()).append('#').append(c.sentenceIndex()).append(' '));
        return b.toString();
    }

    /** The cluster health the index reports once the cluster has noticed the lost node (at most a minute). */
    private static String awaitReported(Pipeline p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        String status = p.index().health().get("cluster");
        while (!"yellow".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = p.index().health().get("cluster");
        }
        return status;
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (counter.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + counter.get() + " of " + n + " in 5 minutes");
            }
            Thread.sleep(50);
        }
    }
}
