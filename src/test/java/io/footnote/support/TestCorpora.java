package io.footnote.support;

import io.footnote.domain.Document;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.SentenceSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Corpora for the tests that run the packaged service: the BBC articles when present, else generated ones. */
public final class TestCorpora {

    /** The one BBC article that is not valid UTF-8. */
    public static final String LEGACY_ENCODED = "sport/199.txt";

    private TestCorpora() {
    }

    /** The BBC corpus folder ({@code -Dfootnote.bbc.path}, default {@code ../shared/corpora/bbc-news}), if present. */
    public static Optional<Path> bbc() {
        Path p = Path.of(System.getProperty("footnote.bbc.path", "../shared/corpora/bbc-news"));
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** The BBC articles (README left out), in path order. */
    public static List<Path> bbcArticles(Path bbc) {
        return CorpusIngester.listFiles(bbc).stream()
                .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.TXT"))
                .toList();
    }

    /**
     * Copies {@code n} BBC articles spread evenly over the corpus (every category), always including the
     * legacy-encoded one, keeping their relative paths; returns the relative paths.
     */
    public static List<String> copyBbcSubset(Path bbc, Path target, int n) {
        List<Path> all = bbcArticles(bbc);
        List<String> copied = new ArrayList<>();
        try {
            for (int i = 0; i < n && i < all.size(); i++) {
                copy(bbc, all.get(i * all.size() / n), target, copied);
            }
            Path legacy = bbc.resolve(LEGACY_ENCODED);
            if (Files.exists(legacy) && !copied.contains(LEGACY_ENCODED)) {
                copy(bbc, legacy, target, copied);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copied;
    }

    private static void copy(Path root, Path file, Path target, List<String> copied) throws IOException {
        String rel = root.relativize(file).toString().replace('\\', '/');
        Path to = target.resolve(rel);
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
        copied.add(rel);
    }

    /**
     * Writes {@code n} distinct articles made from the seed articles' sentences (for machines without the
     * BBC corpus); returns their relative paths.
     */
    public static List<String> writeSynthetic(Path target, int n) {
        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
        List<String> sentences = new ArrayList<>();
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            Document d = reader.read(id + ".txt", SeedCorpus.raw(id).getBytes());
            for (int i = 1; i < d.sentences().size(); i++) {
                sentences.add(d.sentenceText(i));
            }
        }
        List<String> written = new ArrayList<>();
        try {
            for (int a = 0; a < n; a++) {
                StringBuilder text = new StringBuilder("Desk report " + a + "\n\n");
                text.append("This is report number ").append(a).append(" from the overnight desk.\n\n");
                for (int s = 0; s < 12; s++) {
                    text.append(sentences.get((a * 7 + s * 3) % sentences.size())).append(' ');
                }
                String rel = "desk-" + (a % 4) + "/report-" + a + ".txt";
                Files.createDirectories(target.resolve(rel).getParent());
                Files.writeString(target.resolve(rel), text.toString().strip() + "\n");
                written.add(rel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
