package io.footnote.web;

import io.footnote.ingest.ArticleReader;
import io.footnote.support.Folders;
import io.footnote.support.ServiceProcess;
import io.footnote.support.TestCorpora;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the packaged service with SIGKILL in the middle of ingesting a corpus, starts it again, and checks
 * that the index opened, holds every article exactly once and whole, and that ingestion completed without
 * re-embedding what had been committed before the kill.
 *
 * <p>The corpus is a spread of BBC articles (including the one that is not UTF-8) when the BBC corpus is
 * present, generated articles otherwise; plus three bad files that must be skipped with their reasons.
 */
class CrashRecoveryIT {

    private static final int ARTICLES = Integer.getInteger("footnote.it.articles", 160);
    private static final Path WORK = Path.of("target/crash-it");

    @Test
    void kill_9_mid_ingest_then_restart_completes_without_duplicates_or_half_indexed_articles() throws IOException {
        // given a fresh corpus and data folder
        Folders.deleteRecursively(WORK);
        Path corpus = Files.createDirectories(WORK.resolve("corpus"));
        List<String> articles = TestCorpora.bbc()
                .map(bbc -> TestCorpora.copyBbcSubset(bbc, corpus, ARTICLES))
                .orElseGet(() -> TestCorpora.writeSynthetic(corpus, ARTICLES));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Files.write(corpus.resolve("binary.txt"), new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        Files.writeString(corpus.resolve("corrupt.pdf"), "%PDF-1.4\ntruncated", StandardCharsets.US_ASCII);
        Map<String, String> env = Map.of("FOOTNOTE_CORPUS_PATH", corpus.toString(),
                "FOOTNOTE_DATA_PATH", WORK.resolve("data").toString(),
                "FOOTNOTE_INGEST_COMMIT_INTERVAL", "1s",
                "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");

        // when the service is killed while the first ingest is running
        int doneAtKill;
        try (ServiceProcess first = ServiceProcess.start(env, WORK.resolve("first.log"))) {
            first.await("a quarter of the corpus ingested", Duration.ofMinutes(10), () -> {
                JsonPath s = first.http().get("/api/ingest/status").then().extract().jsonPath();
                return s.getBoolean("running") && s.getInt("done") >= s.getInt("total") / 4
                        && s.getInt("chunksEmbedded") > 0;
            });
            sleep(Duration.ofSeconds(2)); // past at least one periodic commit
            JsonPath atKill = first.http().get("/api/ingest/status").then().extract().jsonPath();
            assertTrue(atKill.getBoolean("running"), "still ingesting when killed: " + atKill.prettify());
            doneAtKill = atKill.getInt("done");
            assertTrue(doneAtKill < atKill.getInt("total"), "killed before the end: " + atKill.prettify());
            first.kill();
        }

        // then a restart opens the index and completes ingestion
        try (ServiceProcess second = ServiceProcess.start(env, WORK.resolve("second.log"))) {
            second.awaitReady(Duration.ofMinutes(10));
            JsonPath status = second.http().get("/api/ingest/status").then().statusCode(200).extract().jsonPath();

            assertEquals(articles.size(), status.getInt("lastReport.documents"), "every article: " + status.prettify());
            assertEquals(articles.size(), status.getInt("lastReport.indexed") + status.getInt("lastReport.unchanged"));
            assertTrue(status.getInt("lastReport.unchanged") > 0,
                    "articles committed before the kill are not embedded again: " + status.prettify());
            assertTrue(status.getInt("lastReport.indexed") > 0, "the rest is ingested after the restart");
            List<Map<String, String>> skippedList = status.getList("skipped");
            Map<String, String> skipped = skippedList.stream()
                    .collect(Collectors.toMap(m -> m.get("path"), m -> m.get("reason")));
            assertEquals(Set.of("empty.txt", "binary.txt", "corrupt.pdf"), skipped.keySet());
            assertEquals("empty file", skipped.get("empty.txt"));
            assertEquals("binary content, not text", skipped.get("binary.txt"));
            assertTrue(skipped.get("corrupt.pdf").startsWith("corrupt or unreadable PDF file"), skipped.get("corrupt.pdf"));

            // no duplicate, every article whole: sentences and chunks present, sentence offsets valid
            List<Map<String, Object>> docs = second.http().queryParam("limit", 1000).get("/api/documents").then().statusCode(200)
                    .extract().jsonPath().getList("");
            List<String> ids = docs.stream().map(d -> (String) d.get("id")).toList();
            assertEquals(articles.size(), ids.size());
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicate document ids");
            assertEquals(articles.stream().map(ArticleReader::idOf).collect(Collectors.toSet()), new HashSet<>(ids));
            for (Map<String, Object> d : docs) {
                assertTrue((Integer) d.get("sentences") > 0 && (Integer) d.get("chunks") > 0, "whole article: " + d);
                assertSentencesValid(second, (String) d.get("id"), (Integer) d.get("sentences"));
            }
            if (articles.contains(TestCorpora.LEGACY_ENCODED)) {
                String text = second.http().get("/api/documents/" + ArticleReader.idOf(TestCorpora.LEGACY_ENCODED))
                        .then().extract().jsonPath().getString("text");
                assertTrue(text.contains("\u00a315.8m"), "legacy-encoded article without mojibake");
            }

            // and questions are answered from the recovered index
            JsonPath answer = second.http().contentType(ContentType.JSON)
                    .body(Map.of("question", firstSentenceOf(second, ids.get(ids.size() / 2))))
                    .post("/api/ask").then().statusCode(200).extract().jsonPath();
            assertFalse(answer.getBoolean("abstained"), answer.prettify());
            assertFalse(answer.getList("citations").isEmpty());
        }
    }

    private static void assertSentencesValid(ServiceProcess service, String id, int count) {
        JsonPath doc = service.http().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        int length = doc.getString("text").length();
        List<Map<String, Integer>> sentences = doc.getList("sentences");
        assertEquals(count, sentences.size());
        int previousEnd = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Map<String, Integer> s = sentences.get(i);
            assertEquals(i, s.get("index"));
            assertTrue(s.get("start") >= previousEnd && s.get("start") < s.get("end") && s.get("end") <= length,
                    id + " sentence " + i + " " + s);
            previousEnd = s.get("end");
        }
    }

    private static String firstSentenceOf(ServiceProcess service, String id) {
        JsonPath doc = service.http().get("/api/documents/" + id).then().extract().jsonPath();
        List<Map<String, Integer>> sentences = doc.getList("sentences");
        Map<String, Integer> s = sentences.get(Math.min(2, sentences.size() - 1));
        return doc.getString("text").substring(s.get("start"), s.get("end"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
