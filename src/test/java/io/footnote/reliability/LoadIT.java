package io.footnote.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.Folders;
import io.footnote.support.LoadGenerator;
import io.footnote.support.Proc;
import io.footnote.support.ServiceProcess;
import io.footnote.support.TestCorpora;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service under load, on loopback: 64 closed-loop clients for a minute (seconds settable with
 * {@code -Dfootnote.reliability.seconds}), and a SIGKILL while clients ask and a forced re-index writes.
 * Pass/fail here; the figures (throughput, latency percentiles, memory, threads) go to
 * target/reliability/load.md for the benchmark note — they depend on the machine and are not asserted.
 */
class LoadIT {

    private static final Path WORK = Path.of("target/reliability-it");
    private static final Path REPORT = Path.of("target/reliability/load.md");
    private static final int SECONDS = Integer.getInteger("footnote.reliability.seconds", 60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEED_QUESTIONS = List.of(
            "How many deportations to China did ICE complete?",
            "What tariffs did Trump threaten to put on Colombia?",
            "What did Mao Ning say about repatriation?",
            "What did Chen advise Chinese migrants?",
            "How many unauthorized migrants from China did CBP encounter?",
            "Who chairs the council in Dinan?",
            "What is the population of Dinan?",
            "Which country refused the deportation flights?",
            "What did China's foreign ministry say?",
            "When did the flights resume?");

    @Test
    void sixty_four_clients_for_a_minute_are_all_answered() throws IOException {
        // given the packaged service on the seed corpus
        Folders.deleteRecursively(WORK.resolve("load"));
        Map<String, String> env = Map.of("FOOTNOTE_DATA_PATH", WORK.resolve("load/data").toString(),
                "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");
        try (ServiceProcess service = ServiceProcess.start(env, Files.createDirectories(WORK.resolve("load"))
                .resolve("service.log"))) {
            service.awaitReady(Duration.ofMinutes(3));
            long threadsBefore = Proc.statusField(service.pid(), "Threads");

            // when 64 clients ask as fast as they are answered
            LoadGenerator.Result r = LoadGenerator.run(service.baseUrl() + "/api/ask", bodies(SEED_QUESTIONS), 64,
                    Duration.ofSeconds(5), Duration.ofSeconds(SECONDS));

            long rssKb = Proc.statusField(service.pid(), "VmHWM");
            long threadsAfter = Proc.statusField(service.pid(), "Threads");
            report("## 64 clients, %d s, /api/ask (extractive, seed corpus)%n%n| requests | errors | q/s | p50 ms | "
                            + "p95 ms | p99 ms | peak RSS MB | threads before → after |%n|---|---|---|---|---|---|---|---|%n"
                            + "| %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %d → %d |%n%n",
                    SECONDS, r.requests(), r.errors(), r.qps(), r.p50(), r.p95(), r.p99(), rssKb / 1024,
                    threadsBefore, threadsAfter);

            // then every request was answered
            assertEquals(0, r.errors(), "errors under load: " + r);
            assertTrue(r.requests() > 64, "the clients were served: " + r);
            assertTrue(service.alive());
        }
    }

    @Test
    void killed_while_answering_and_reindexing_it_restarts_with_a_whole_index() throws Exception {
        // given a service over a few hundred articles, answering 16 clients
        Folders.deleteRecursively(WORK.resolve("restart"));
        Path corpus = Files.createDirectories(WORK.resolve("restart/corpus"));
        List<String> articles = TestCorpora.bbc()
                .map(bbc -> TestCorpora.copyBbcSubset(bbc, corpus, 240))
                .orElseGet(() -> TestCorpora.writeSynthetic(corpus, 240));
        Map<String, String> env = Map.of("FOOTNOTE_CORPUS_PATH", corpus.toString(),
                "FOOTNOTE_DATA_PATH", WORK.resolve("restart/data").toString(),
                "FOOTNOTE_INGEST_COMMIT_INTERVAL", "1s", "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");
        List<String> questions;
        LoadGenerator.Result during;
        try (ServiceProcess first = ServiceProcess.start(env, WORK.resolve("restart/first.log"))) {
            first.awaitReady(Duration.ofMinutes(10));
            questions = firstSentences(first, 40);
            String url = first.baseUrl() + "/api/ask";
            CompletableFuture<LoadGenerator.Result> load = CompletableFuture.supplyAsync(() ->
                    LoadGenerator.run(url, bodies(questions), 16, Duration.ZERO, Duration.ofSeconds(25)));

            // when a forced re-index rewrites every article and the process is killed halfway through
            first.http().post("/api/reindex?force=true").then().statusCode(202);
            first.await("re-index a quarter done", Duration.ofMinutes(5), () -> {
                JsonPath s = first.http().get("/api/ingest/status").then().extract().jsonPath();
                return s.getBoolean("running") && s.getInt("done") >= s.getInt("total") / 4;
            });
            Thread.sleep(1_500);
            first.kill();
            during = load.get();
        }

        // then it starts again over the same index: every article once and whole, and answers without error
        try (ServiceProcess second = ServiceProcess.start(env, WORK.resolve("restart/second.log"))) {
            second.awaitReady(Duration.ofMinutes(10));
            List<Map<String, Object>> docs = second.http().queryParam("limit", 1000).get("/api/documents").then().statusCode(200)
                    .extract().jsonPath().getList("");
            List<String> ids = docs.stream().map(d -> (String) d.get("id")).toList();
            assertEquals(articles.size(), ids.size(), "every article");
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates");
            for (Map<String, Object> d : docs) {
                assertTrue((Integer) d.get("sentences") > 0 && (Integer) d.get("chunks") > 0, "whole: " + d);
            }
            JsonPath status = second.http().get("/api/ingest/status").then().extract().jsonPath();
            assertTrue(status.getList("errors").isEmpty(), status.prettify());

            LoadGenerator.Result after = LoadGenerator.run(second.baseUrl() + "/api/ask", bodies(questions), 16,
                    Duration.ofSeconds(2), Duration.ofSeconds(10));
            JsonPath answer = second.http().contentType(ContentType.JSON).body(Map.of("question", questions.get(3)))
                    .post("/api/ask").then().statusCode(200).extract().jsonPath();
            report("## SIGKILL during a forced re-index under 16 clients (%d articles)%n%n| phase | requests | errors "
                            + "| q/s | p50 ms | p99 ms |%n|---|---|---|---|---|---|%n| before and after the kill (errors: requests "
                            + "refused while the process was down) | %d | %d | %.1f | %.1f | %.1f |%n| after restart | %d | %d | %.1f "
                            + "| %.1f | %.1f |%n%nAfter restart: %d documents, no duplicates, re-embedded %d chunks.%n%n",
                    articles.size(), during.requests(), during.errors(), during.qps(), during.p50(), during.p99(),
                    after.requests(), after.errors(), after.qps(), after.p50(), after.p99(), ids.size(),
                    status.getInt("lastReport.chunksEmbedded"));
            assertEquals(0, after.errors(), "after the restart: " + after);
            assertFalse(answer.getBoolean("abstained"), answer.prettify());
        }
    }

    private static List<String> bodies(List<String> questions) {
        return questions.stream().map(q -> {
            try {
                return JSON.writeValueAsString(Map.of("question", q));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A sentence from each of the first {@code n} articles, as questions whose answers are in the corpus. */
    private static List<String> firstSentences(ServiceProcess service, int n) {
        List<Map<String, Object>> docs = service.http().get("/api/documents").then().extract().jsonPath().getList("");
        return docs.stream().limit(n).map(d -> {
            JsonPath doc = service.http().get("/api/documents/" + d.get("id")).then().extract().jsonPath();
            List<Map<String, Integer>> sentences = doc.getList("sentences");
            Map<String, Integer> s = sentences.get(Math.min(1, sentences.size() - 1));
            return doc.getString("text").substring(s.get("start"), s.get("end"));
        }).toList();
    }

    private static synchronized void report(String format, Object... args) throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, String.format(format, args), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf(format, args);
    }
}
