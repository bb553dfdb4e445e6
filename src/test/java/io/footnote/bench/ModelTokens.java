package io.footnote.bench;

import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.TokenCountEstimator;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.embed.EmbeddingModels;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.SentenceSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model tokens each side of the benchmark feeds all-MiniLM-L6-v2 for a corpus, counted in the benchmark's
 * own process (so neither measured process pays for the count). The model's work is about linear in tokens, and
 * a Footnote chunk (up to 120 tokens, one sentence shared with the next chunk) holds more tokens than a
 * baseline segment (500 characters), so "chunks per CPU-second" favours the smaller unit; tokens per
 * CPU-second compares the same work.
 */
final class ModelTokens {

    /** all-MiniLM-L6-v2 reads the first 128 tokens of a text (its tokenizer file truncates there). */
    private static final int WINDOW = 128;

    /** Texts embedded and their tokens, as the model reads them. */
    record Count(int texts, long tokens) {
    }

    private ModelTokens() {
    }

    /** Footnote's chunks with the service's default chunking (120 tokens, one sentence overlap). */
    static Count footnote(Path corpus) {
        TokenCountEstimator counter = EmbeddingModels.tokenCounter(EmbeddingModels.Known.ALL_MINILM_L6_V2_Q);
        Chunker chunker = new Chunker(counter, 120, 1);
        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
        int texts = 0;
        long tokens = 0;
        for (Path file : CorpusIngester.listFiles(corpus)) {
            Document doc;
            try {
                doc = reader.read(corpus.relativize(file).toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Chunk c : chunker.chunk(doc)) {
                texts++;
                tokens += Math.min(WINDOW, counter.estimateTokenCountInText(doc.text().substring(c.start(), c.end())));
            }
        }
        return new Count(texts, tokens);
    }

    /** The baseline's segments, split as {@link BaselineServer} splits them. */
    static Count baseline(Path corpus) {
        TokenCountEstimator counter = EmbeddingModels.tokenCounter(EmbeddingModels.Known.ALL_MINILM_L6_V2_Q);
        List<TextSegment> segments = DocumentSplitters.recursive(500, 50)
                .splitAll(FileSystemDocumentLoader.loadDocumentsRecursively(corpus, new TextDocumentParser()));
        long tokens = segments.stream()
                .mapToLong(s -> Math.min(WINDOW, counter.estimateTokenCountInText(s.text()))).sum();
        return new Count(segments.size(), tokens);
    }
}
