package io.footnote.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The baseline a Java developer would write today with LangChain4j, served over HTTP for the benchmark:
 * documents loaded with {@code FileSystemDocumentLoader} and {@code TextDocumentParser}, split by
 * {@code DocumentSplitters.recursive(500, 50)} (characters; about the 128-token window of the model),
 * embedded by LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} with its default
 * {@code embedAll}, kept in an {@code InMemoryEmbeddingStore} (serialised to a file, and loaded from it on
 * restart), and queried through {@code EmbeddingStoreContentRetriever} (top 10). {@code POST /ask} with
 * {@code {"question": "…"}} answers the retrieved segments; there is no answer generation.
 *
 * <p>Arguments: corpus folder, store file, port, stats file (written, as JSON, once it serves).
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path storeFile = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path statsFile = Path.of(args[3]);
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> stats = new LinkedHashMap<>();

        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        InMemoryEmbeddingStore<TextSegment> store;
        if (Files.exists(storeFile)) {
            long t0 = System.nanoTime();
            store = InMemoryEmbeddingStore.fromFile(storeFile);
            stats.put("loadMillis", (System.nanoTime() - t0) / 1_000_000);
            stats.put("segmentsEmbedded", 0);
        } else {
            long t0 = System.nanoTime();
            List<Document> documents = FileSystemDocumentLoader.loadDocumentsRecursively(corpus, new TextDocumentParser());
            DocumentSplitter splitter = DocumentSplitters.recursive(500, 50);
            List<TextSegment> segments = splitter.splitAll(documents);
            // What EmbeddingStoreIngestor.ingest does: embedAll, then addAll.
            List<Embedding> embeddings = model.embedAll(segments).content();
            store = new InMemoryEmbeddingStore<>();
            store.addAll(embeddings, segments);
            long ingestMillis = (System.nanoTime() - t0) / 1_000_000;
            store.serializeToFile(storeFile);
            stats.put("documents", documents.size());
            stats.put("segments", segments.size());
            stats.put("segmentsEmbedded", segments.size());
            stats.put("ingestMillis", ingestMillis);
            stats.put("storeBytes", Files.size(storeFile));
        }
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store).embeddingModel(model).maxResults(10).build();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/ask", exchange -> {
            try (exchange) {
                Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
                List<Content> contents = retriever.retrieve(Query.from((String) body.get("question")));
                List<Map<String, Object>> out = contents.stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("text", c.textSegment().text());
                    m.put("directory", c.textSegment().metadata().getString("absolute_directory_path"));
                    m.put("file", c.textSegment().metadata().getString("file_name"));
                    return m;
                }).toList();
                byte[] bytes = json.writeValueAsBytes(out);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(bytes);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        stats.put("readyMillisSinceJvmStart",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        Path tmp = statsFile.resolveSibling(statsFile.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), stats);
        Files.move(tmp, statsFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
