package io.footnote.web;

import io.footnote.support.ManagedCorpus;
import io.footnote.support.Ready;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(ManagedCorpus.class)
class IngestResourceTest {

    private static final String LIGHTHOUSE = """
            Lighthouse keeper retires after forty years

            Edith Marr switched off the Skerry Point lamp for the last time on Sunday, after forty-one years as its keeper.
            She was the last resident keeper on the northern coast; the light is now run from a control room in Oban.
            Marr said she would spend her retirement restoring a wooden fishing boat that belonged to her father.
            """;

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
        // Every request here is an administrator's: the test profile's admin key goes on all of them.
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + ConfigProvider.getConfig()
                        .getValue("footnote.admin.api-key", String.class)).build();
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }

    private static JsonPath upload(int status, Object... nameAndContent) {
        var request = given();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Object content = nameAndContent[i + 1];
            byte[] bytes = content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8);
            request = request.multiPart("file", (String) nameAndContent[i], bytes, "application/octet-stream");
        }
        return request.post("/api/documents").then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/ask").then().statusCode(200).extract().jsonPath();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits until no pass runs or waits, and returns the status that said so. A folder event left by an earlier test
     * can start a pass at any moment, so a test that asserts on an idle status asserts on this snapshot rather than
     * on a second request.
     */
    private static JsonPath awaitIdle() {
        JsonPath[] idle = new JsonPath[1];
        await("ingestion idle", () -> {
            JsonPath s = given().get("/api/ingest/status").then().statusCode(200).contentType(ContentType.JSON)
                    .extract().jsonPath();
            idle[0] = s;
            return !s.getBoolean("running") && s.getInt("queued") == 0;
        });
        return idle[0];
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = IngestResourceTest.class.getResourceAsStream("/formats/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void uploaded_file_is_written_to_the_corpus_indexed_and_cited() {
        // when
        JsonPath result = upload(201, "lighthouse.txt", LIGHTHOUSE);

        // then the file is in the corpus folder and indexed, and answers cite it
        assertEquals("indexed", result.getString("documents[0].status"));
        assertEquals("lighthouse", result.getString("documents[0].id"));
        assertEquals("Lighthouse keeper retires after forty years", result.getString("documents[0].title"));
        assertEquals(4, result.getInt("documents[0].sentences"));
        assertTrue(Files.exists(ManagedCorpus.FOLDER.resolve("lighthouse.txt")));
        JsonPath answer = ask("Who was the last resident lighthouse keeper on the northern coast?");
        assertEquals("lighthouse", answer.getString("citations[0].documentId"));
        assertTrue(answer.getString("answer").contains("last resident keeper"), answer.getString("answer"));
    }

    @Test
    void several_files_of_different_formats_upload_in_one_request() throws IOException {
        JsonPath result = upload(201, "results.md", resource("results.md"), "bridge.html", resource("article.html"));

        assertEquals(List.of("results", "bridge"), result.getList("documents.id"));
        assertEquals(List.of("indexed", "indexed"), result.getList("documents.status"));
        assertEquals(List.of("Quarterly results at Northwind Traders", "Harbour bridge reopens after repairs"),
                result.getList("documents.title"));
        JsonPath bridge = given().get("/api/documents/bridge").then().statusCode(200).extract().jsonPath();
        assertEquals("2024-03-14", bridge.getString("date"));
        assertFalse(bridge.getString("text").contains("Subscribe now"));
    }

    @Test
    void corrupt_upload_is_kept_listed_as_skipped_with_its_reason() {
        JsonPath result = upload(422, "broken.pdf", "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII));

        assertEquals("skipped", result.getString("documents[0].status"));
        assertTrue(result.getString("documents[0].reason").startsWith("corrupt or unreadable PDF file"),
                result.getString("documents[0].reason"));
        JsonPath status = given().get("/api/ingest/status").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> skipped = status.getList("skipped");
        assertTrue(skipped.stream().anyMatch(s -> s.get("path").equals("broken.pdf")
                && s.get("reason").startsWith("corrupt or unreadable PDF file")), skipped.toString());
        given().get("/api/documents/broken").then().statusCode(404);
    }

    @Test
    void unusable_uploads_are_refused_before_anything_is_written() {
        given().multiPart("file", "virus.exe", new byte[]{1, 2, 3}).post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unsupported format"));
        given().multiPart("file", ".secret.txt", "hidden".getBytes()).post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("hidden"));
        given().multiPart("file", "huge.txt", "word ".repeat(ManagedCorpus.MAX_FILE_BYTES / 4).getBytes())
                .post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("footnote.ingest.max-file-size"));
        given().contentType(ContentType.JSON).body("{}").post("/api/documents")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("multipart/form-data"));

        assertFalse(Files.exists(ManagedCorpus.FOLDER.resolve("virus.exe")));
        assertFalse(Files.exists(ManagedCorpus.FOLDER.resolve("huge.txt")));
    }

    @Test
    void deleted_document_leaves_the_folder_and_the_index() {
        upload(201, "ferry.txt", "Ferry fares rise\n\nThe island ferry will charge nine pounds for a return ticket from May.\n");

        given().delete("/api/documents/ferry").then().statusCode(204);

        assertFalse(Files.exists(ManagedCorpus.FOLDER.resolve("ferry.txt")));
        given().get("/api/documents/ferry").then().statusCode(404);
        given().delete("/api/documents/ferry").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        JsonPath answer = ask("How much is a return ticket on the island ferry?");
        assertFalse(answer.getList("citations.documentId").contains("ferry"));
    }

    @Test
    void files_added_changed_and_removed_in_the_folder_are_picked_up_without_restart() throws IOException {
        var file = ManagedCorpus.FOLDER.resolve("dropped.txt");

        Files.writeString(file, "Market hall reopens\n\nThe Victorian market hall reopened with forty stalls.\n");
        await("new file indexed", () -> given().get("/api/documents/dropped").statusCode() == 200);
        Files.writeString(file, "Market hall reopens\n\nThe Victorian market hall reopened with fifty-two stalls.\n");
        await("changed file re-indexed", () -> given().get("/api/documents/dropped").then().extract()
                .jsonPath().getString("text").contains("fifty-two"));
        Files.delete(file);
        await("removed file dropped", () -> given().get("/api/documents/dropped").statusCode() == 404);
    }

    @Test
    void reindex_keeps_document_and_sentence_ids_of_unchanged_content() {
        awaitIdle();
        String before = given().get("/api/documents/000_82ae95fbb479be6d").then().statusCode(200).extract().asString();

        given().post("/api/reindex?force=true").then().statusCode(202)
                .header("Location", containsString("/api/ingest/status"));
        await("reindex finished", () -> given().get("/api/ingest/status").then().extract().jsonPath()
                .getList("recent.job").contains("reindex"));

        JsonPath status = given().get("/api/ingest/status").then().extract().jsonPath();
        int at = status.getList("recent.job").indexOf("reindex");
        assertTrue(status.getInt("recent[" + at + "].report.chunksEmbedded") > 0, "force re-embeds every article");
        assertEquals(0, status.getInt("recent[" + at + "].report.removed"));
        String after = given().get("/api/documents/000_82ae95fbb479be6d").then().statusCode(200).extract().asString();
        assertEquals(before, after, "same id, text and sentence offsets after re-indexing");
    }

    @Test
    void ingest_status_reports_the_last_pass() {
        JsonPath status = awaitIdle();

        assertTrue(status.getInt("lastReport.documents") >= 2, status.prettify());
        assertNotNull(status.getString("lastFinishedAt"));
        assertEquals(List.of(), status.getList("errors"));
    }
}
