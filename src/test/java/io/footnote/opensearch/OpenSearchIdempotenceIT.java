package io.footnote.opensearch;

import io.footnote.app.Pipeline;
import io.footnote.index.ArticleIndex;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.support.OpenSearchCluster;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Document ids derived from the article: re-ingesting, restarting or shrinking an article never duplicates. */
class OpenSearchIdempotenceIT {

    @Test
    void reingest_and_restart_leave_the_same_records() throws Exception {
        // given
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        Path corpus = Path.of("target/opensearch-it/idempotence-corpus");
        Files.createDirectories(corpus);
        try (var files = Files.list(Path.of("docs-corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        IngestReport first;
        String recordsBefore;
        try (Pipeline p = Backends.openSearch(cluster, "idempotence", Map.of())) {
            first = p.ingest(corpus, x -> { });
            recordsBefore = count(cluster);

            // when: everything again, by force, then a restart (a new pipeline) that syncs
            IngestReport forced = p.ingester().reindexAll(corpus, new CorpusIngester.Listener() { });
            assertEquals(first.documents(), forced.documents());
        }
        IngestReport restarted;
        try (Pipeline p = Backends.openSearch(cluster, "idempotence", Map.of())) {
            restarted = p.ingest(corpus, x -> { });

            // then
            assertEquals(recordsBefore, count(cluster), "no record added by re-ingest or restart");
            assertEquals(first.chunks(), restarted.chunks());
            assertEquals(0, restarted.chunksEmbedded(), "a restart re-embeds nothing: the hashes in the cluster match");
            assertTrue(first.documents() > 0 && first.chunks() > first.documents());

            // and when an article shrinks, its surplus chunks go
            Path article = Files.list(corpus).sorted().findFirst().orElseThrow();
            String text = Files.readString(article);
            Files.writeString(article, text.substring(0, text.indexOf('\n', text.length() / 4) + 1));
            IngestReport shrunk = p.ingest(corpus, x -> { });
            ArticleIndex index = p.index();
            String id = io.footnote.ingest.ArticleReader.idOf(article.getFileName().toString());
            int chunksNow = index.document(id).orElseThrow().chunks().size();
            String stale = cluster.request("GET", "/idempotence/_count?q=docId:%22" + id + "%22%20AND%20kind:chunk", null).body();
            assertTrue(stale.contains("\"count\":" + chunksNow + ","), stale + " vs " + chunksNow);
            assertTrue(shrunk.chunks() < first.chunks());
            assertFalse(index.searchText(text.substring(text.length() - 200), 50).stream()
                    .anyMatch(h -> h.chunk().documentId().equals(id) && h.chunk().ordinal() >= chunksNow));
        }
    }

    private static String count(OpenSearchCluster cluster) {
        cluster.request("POST", "/idempotence/_refresh", null);
        String body = cluster.request("GET", "/idempotence/_count", null).body();
        return body.replaceAll(".*\"count\":(\\d+).*", "$1");
    }
}
