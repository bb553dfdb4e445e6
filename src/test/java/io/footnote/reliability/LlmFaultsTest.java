package io.footnote.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmProfiles;
import io.footnote.support.SseEvents;
import io.footnote.support.StubbedProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language model misbehaves in every way a server can — times out, 500, 429, garbage, a stream cut
 * mid-chunk, a reset connection, a hang — while several clients ask at once, plain and streamed. Every
 * request must still be answered (the extractive answer with a notice saying what happened), and when it is
 * over the service must not be holding more threads than before. Figures go to target/reliability/faults.md.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class LlmFaultsTest {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUESTIONS = List.of(
            "How many deportations to China did ICE complete?",
            "What tariffs did Trump threaten to put on Colombia?",
            "What did Mao Ning say about repatriation?",
            "What did Chen advise Chinese migrants?");
    private static final Map<Fault_, String> REPORT = new ConcurrentHashMap<>();
    private static int threadsBefore = -1;
    // One client for the whole test: each JDK HttpClient owns a selector thread until it is collected.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the stubbed model server does to every answer call. */
    enum Fault_ {
        TIMEOUT, SERVER_ERROR, RATE_LIMITED, GARBAGE, TRUNCATED_STREAM, CONNECTION_RESET, HANG
    }

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
    }

    private static ResponseDefinitionBuilder response(Fault_ fault) {
        String chunk = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ICE completed just 288 deportations [1]. \"},"
                + "\"finish_reason\":null}]}";
        return switch (fault) {
            case TIMEOUT -> aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}");
            case SERVER_ERROR -> aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}");
            case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After", "1")
                    .withBody("{\"error\":{\"message\":\"slow down\"}}");
            case GARBAGE -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("<html><body>502 Bad Gateway</body></html>\u0000\u0001");
            case TRUNCATED_STREAM -> aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                    .withBody("data: " + chunk + "\n\ndata: {\"choices\": [ {\"delta\": {\"content\": \"Then");
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case HANG -> aResponse().withStatus(200).withFixedDelay(20_000).withBody("{}");
        };
    }

    @Test
    void a_healthy_model_answers_before_the_faults_begin() throws Exception {
        // The baseline for the thread count: the service has served a model answer, a stream and a fallback.
        llm.stubFor(llm.answerCall().willReturn(response(Fault_.SERVER_ERROR)));
        Outcome warm = askAll(2);
        assertEquals(0, warm.failures.size(), warm.failures.toString());
        recordThreadsBefore();
    }

    @ParameterizedTest
    @EnumSource(Fault_.class)
    void every_request_is_answered_with_a_notice_when_the_model_fails(Fault_ fault) throws Exception {
        recordThreadsBefore();
        llm.stubFor(llm.answerCall().willReturn(response(fault)));

        long t0 = System.nanoTime();
        Outcome outcome = askAll(CLIENTS);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        int modelCalls = llm.findAll(postRequestedFor(urlEqualTo(llm.path()))).size();
        REPORT.put(fault, "| " + fault + " | " + outcome.answered + "/" + outcome.sent + " | " + outcome.withNotice
                + " | " + modelCalls + " | " + ms + " | " + outcome.slowestMs + " | " + outcome.notices + " |");
        assertEquals(List.of(), outcome.failures, fault + ": every request answered");
        assertEquals(outcome.sent, outcome.withNotice, fault + ": every fallback says so");
    }

    @AfterAll
    static void noThreadLeak() throws Exception {
        // Hung model calls are abandoned at the timeout; give the service a moment to wind down what it started.
        List<String> busy = busyThreads();
        for (int i = 0; i < 20 && !busy.isEmpty(); i++) {
            Thread.sleep(1_000);
            busy = busyThreads();
        }
        int after = serviceThreads();
        StringBuilder table = new StringBuilder("| fault | answered | with notice | calls to the model | wall ms ("
                + CLIENTS + " clients × 2 requests) | slowest request ms | notices |\n|---|---|---|---|---|---|---|\n");
        for (Fault_ f : Fault_.values()) {
            table.append(REPORT.getOrDefault(f, "| " + f + " | not run |")).append('\n');
        }
        table.append("\nThreads (excluding the stub server's): before ").append(threadsBefore).append(", after ")
                .append(after).append(" (idle JDK HttpClient workers linger 60 s by design); threads still inside a "
                        + "model call or the answer pipeline: ").append(busy.size()).append('\n')
                .append(threadNames()).append('\n');
        Path report = Path.of("target/reliability/faults.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.println(table);
        assertTrue(threadsBefore > 0, "baseline taken");
        assertEquals(List.of(), busy, "no thread may be left inside a model call or the answer pipeline");
    }

    /**
     * Threads still working for a request: any whose stack is in LangChain4j or Footnote's own code, other than
     * the service's long-lived workers ({@code footnote-*}) and this test's thread. A leaked model call shows up
     * here (blocked on a socket or a future inside LangChain4j); an idle pooled thread does not.
     */
    private static List<String> busyThreads() {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == Thread.currentThread() || t.getName().startsWith("footnote-")) {
                continue;
            }
            for (StackTraceElement frame : e.getValue()) {
                String c = frame.getClassName();
                if ((c.startsWith("dev.langchain4j") || c.startsWith("io.footnote."))
                        && !c.startsWith("io.footnote.reliability")) {
                    busy.add(t.getName() + " at " + frame);
                    break;
                }
            }
        }
        return busy;
    }

    private static synchronized void recordThreadsBefore() {
        if (threadsBefore < 0) {
            threadsBefore = serviceThreads();
        }
    }

    /** Live threads by name with digits stripped, for the report. */
    private static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return names;
    }

    /** Live threads of this JVM, without WireMock's (Jetty "qtp…") pool, which the stub's hangs hold. */
    private static int serviceThreads() {
        var mx = ManagementFactory.getThreadMXBean();
        int n = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith("qtp")) {
                n++;
            }
        }
        return n;
    }

    private record Outcome(int sent, int answered, int withNotice, long slowestMs, List<String> failures,
                           List<String> notices) {
    }

    /** Each client asks once plainly and once streamed, all at the same time. */
    private static Outcome askAll(int clients) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ExecutorService pool = Executors.newFixedThreadPool(clients * 2);
        List<Future<String[]>> results = new ArrayList<>();
        try {
            for (int c = 0; c < clients * 2; c++) {
                boolean stream = c % 2 == 1;
                String question = QUESTIONS.get(c / 2 % QUESTIONS.size());
                results.add(pool.submit(() -> askOnce(HTTP, port, question, stream)));
            }
            int answered = 0;
            int withNotice = 0;
            long slowest = 0;
            List<String> failures = new ArrayList<>();
            List<String> notices = Collections.synchronizedList(new ArrayList<>());
            for (Future<String[]> f : results) {
                String[] r = f.get();
                slowest = Math.max(slowest, Long.parseLong(r[2]));
                if (r[0] != null) {
                    failures.add(r[0]);
                    continue;
                }
                answered++;
                if (r[1] != null && !r[1].isBlank()) {
                    withNotice++;
                    String kind = r[1].length() > 60 ? r[1].substring(0, 60) + "…" : r[1];
                    if (!notices.contains(kind)) {
                        notices.add(kind);
                    }
                }
            }
            return new Outcome(results.size(), answered, withNotice, slowest, failures, notices);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return {failure or null, notice, milliseconds} */
    private static String[] askOnce(HttpClient http, int port, String question, boolean stream) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + (stream ? "/api/ask/stream" : "/api/ask")))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String ms = Long.toString((System.nanoTime() - t0) / 1_000_000);
            if (response.statusCode() != 200) {
                return new String[]{response.statusCode() + " " + response.body(), null, ms};
            }
            String body = response.body();
            if (stream) {
                List<SseEvents.Event> events = SseEvents.parse(body);
                if (events.isEmpty() || !events.get(events.size() - 1).name().equals("done")) {
                    return new String[]{"stream did not end with done: " + body, null, ms};
                }
                body = events.get(events.size() - 1).data();
            }
            JsonNode answer = JSON.readTree(body);
            if (answer.path("answer").asText("").isBlank()) {
                return new String[]{"empty answer: " + body, null, ms};
            }
            if (!"extractive".equals(answer.path("mode").asText())) {
                return new String[]{"a failing model's answer was served: " + body, null, ms};
            }
            return new String[]{null, answer.path("notice").asText(null), ms};
        } catch (IOException e) {
            return new String[]{"no response: " + e, null, Long.toString((System.nanoTime() - t0) / 1_000_000)};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[]{"interrupted", null, "0"};
        }
    }
}
