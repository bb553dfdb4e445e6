package io.footnote.metrics;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics in Prometheus format, scraped before and after a few questions. */
@QuarkusTest
class MetricsScrapeTest {

    private static final String ANSWERED = "footnote_questions_total{mode=\"extractive\",outcome=\"answered\"}";
    private static final String DECLINED = "footnote_questions_total{mode=\"extractive\",outcome=\"declined\"}";

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static String scrape() {
        // The exposition format allows a trailing comma in a label set ({a="1",}); drop it to match series simply.
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString()
                .replace(",}", "}");
    }

    /** The value of one series (name with labels exactly as written), 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void ask(String question) {
        given().contentType("application/json").body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200);
    }

    @Test
    void given_answered_and_declined_questions_when_scraped_then_counts_latencies_and_citations_move() {
        String before = scrape();

        ask("How many deportations to China did ICE complete?");
        ask("How many unauthorized migrants from China did CBP encounter?");
        ask("How do I bake sourdough bread?");
        String after = scrape();

        assertEquals(2, value(after, ANSWERED) - value(before, ANSWERED), after);
        assertEquals(1, value(after, DECLINED) - value(before, DECLINED), after);
        assertEquals(3, value(after, "footnote_retrieval_seconds_count") - value(before, "footnote_retrieval_seconds_count"));
        assertEquals(3, value(after, "footnote_answering_seconds_count") - value(before, "footnote_answering_seconds_count"));
        assertEquals(3, value(after, "footnote_verification_seconds_count") - value(before, "footnote_verification_seconds_count"));
        assertTrue(value(after, "footnote_citations_checked_total") - value(before, "footnote_citations_checked_total") >= 2);
        assertEquals(2, value(after, "footnote_index_size{unit=\"articles\"}"));
        assertTrue(value(after, "footnote_index_size{unit=\"sentences\"}") > 2);
        assertEquals(-1, value(after, "footnote_llm_breaker_state"), "no language model is configured in tests");
        assertTrue(after.contains("footnote_ingest_files_skipped "), "ingest gauges are exported");
        assertFalse(after.contains("ICE complete"), "no question text in the metrics");
    }

    @Test
    void given_a_forced_reindex_when_scraped_then_the_ingest_totals_count_its_files_and_chunks() throws Exception {
        // given
        String before = scrape();
        String indexed = "footnote_ingest_files_processed_total{outcome=\"indexed\"}";
        String chunks = "footnote_ingest_embedded_chunks_total";

        double articles = value(before, "footnote_index_size{unit=\"articles\"}");
        double corpusChunks = value(before, "footnote_index_size{unit=\"chunks\"}");

        // when every file of the corpus is embedded again
        given().header("Authorization", "Bearer test-admin-key").post("/api/reindex?force=true").then().statusCode(202);
        String after = before;
        for (int i = 0; i < 300 && (value(after, indexed) - value(before, indexed) < articles
                || value(after, chunks) - value(before, chunks) < corpusChunks); i++) {
            Thread.sleep(100);
            after = scrape();
        }

        // then the totals moved by that pass, and the skipped and failed totals are exported
        assertTrue(articles > 0 && corpusChunks > 0, before);
        assertEquals(articles, value(after, indexed) - value(before, indexed), after);
        assertEquals(corpusChunks, value(after, chunks) - value(before, chunks), after);
        assertTrue(after.contains("footnote_ingest_files_processed_total{outcome=\"skipped\"}"), after);
        assertTrue(after.contains("footnote_ingest_passes_failed_total "), after);
    }
}
