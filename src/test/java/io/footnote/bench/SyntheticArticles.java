package io.footnote.bench;

import io.footnote.support.TestCorpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic articles resampled from a real corpus (the BBC articles): each article takes a real article's title
 * and a real article's number of paragraphs and sentences, filled with sentences drawn at random from the whole
 * corpus, so lengths and vocabulary are realistic while the articles are new. For benchmarks at sizes the real
 * corpus does not reach.
 *
 * <p>Deterministic: article {@code i} depends only on the source corpus, the seed and {@code i} (its own random
 * stream), so the first 10,000 of a 50,000-article corpus are the 10,000-article corpus.
 */
public final class SyntheticArticles {

    /** The shape of one source article: its title and the number of sentences in each paragraph. */
    record Shape(String title, int[] paragraphs) {
    }

    private final List<String> sentences;
    private final List<Shape> shapes;
    private final long seed;

    SyntheticArticles(List<String> sentences, List<Shape> shapes, long seed) {
        if (sentences.isEmpty() || shapes.isEmpty()) {
            throw new IllegalArgumentException("no source sentences");
        }
        this.sentences = List.copyOf(sentences);
        this.shapes = List.copyOf(shapes);
        this.seed = seed;
    }

    /** Resamples the BBC corpus ({@link TestCorpora#bbc()}), title on each file's first line. */
    public static SyntheticArticles fromBbc(long seed) {
        Path bbc = TestCorpora.bbc().orElseThrow(() -> new IllegalStateException(
                "needs the BBC corpus: -Dfootnote.bbc.path=<folder> (default ../shared/corpora/bbc-news)"));
        List<String> texts = new ArrayList<>();
        for (Path f : TestCorpora.bbcArticles(bbc)) {
            try {
                // ISO-8859-1 reads every byte (one article is not valid UTF-8); the rest are ASCII.
                texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fromTexts(texts, seed);
    }

    /** Resamples these articles: first line the title, paragraphs separated by blank lines. */
    static SyntheticArticles fromTexts(List<String> articles, long seed) {
        List<String> sentences = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (String text : articles) {
            String[] lines = text.strip().split("\\R", 2);
            if (lines.length < 2) {
                continue;
            }
            List<Integer> counts = new ArrayList<>();
            for (String paragraph : lines[1].strip().split("\\R\\s*\\R")) {
                int n = 0;
                for (String s : paragraph.strip().split("(?<=[.!?])\\s+(?=[A-Z\"'0-9])")) {
                    String sentence = s.strip().replaceAll("\\s+", " ");
                    if (sentence.length() > 20) {
                        sentences.add(sentence);
                        n++;
                    }
                }
                if (n > 0) {
                    counts.add(n);
                }
            }
            if (!counts.isEmpty()) {
                shapes.add(new Shape(lines[0].strip(), counts.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return new SyntheticArticles(sentences, shapes, seed);
    }

    /** Article {@code i}'s file name relative to the corpus folder (1,000 files a folder). */
    public static String relativePath(int i) {
        return String.format(Locale.ROOT, "syn-%04d/article-%07d.txt", i / 1000, i);
    }

    /** Article {@code i}: title line, blank line, paragraphs separated by blank lines. */
    public String article(int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        Shape shape = shapes.get(random.nextInt(shapes.size()));
        StringBuilder text = new StringBuilder(shapes.get(random.nextInt(shapes.size())).title()).append("\n\n");
        for (int p = 0; p < shape.paragraphs().length; p++) {
            if (p > 0) {
                text.append("\n\n");
            }
            for (int s = 0; s < shape.paragraphs()[p]; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(sentences.get(random.nextInt(sentences.size())));
            }
        }
        return text.append('\n').toString();
    }

    /**
     * Writes articles {@code 0..n-1} under {@code folder}, leaving a file that already holds the right text
     * alone (a larger run reuses a smaller one's files); returns how many it wrote.
     */
    public int write(Path folder, int n) {
        int written = 0;
        try {
            for (int i = 0; i < n; i++) {
                Path file = folder.resolve(relativePath(i));
                byte[] bytes = article(i).getBytes(StandardCharsets.UTF_8);
                if (Files.exists(file) && Files.size(file) == bytes.length) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /**
     * {@code count} questions for a corpus of {@code n} articles: sentences of random articles, each cut to its
     * first 12 words (a question names a few of the words of the sentence that answers it).
     */
    public List<String> questions(int n, int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            String[] body = article(random.nextInt(n)).split("\n\n", 2)[1].split("(?<=[.!?])\\s+(?=[A-Z\"'0-9])");
            String[] words = body[random.nextInt(body.length)].strip().split("\\s+");
            out.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(12, words.length))));
        }
        return out;
    }

    /**
     * A word for the listing's title filter: the word of five letters or more found in the most source titles
     * (ties: the alphabetically first), so it matches a realistic share of the synthetic articles.
     */
    public String titleWord() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Shape shape : shapes) {
            java.util.Arrays.stream(shape.title().toLowerCase(Locale.ROOT).split("[^a-z]+"))
                    .filter(w -> w.length() >= 5).distinct().forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(java.util.Map.Entry::getKey).orElseThrow();
    }

    int sourceSentences() {
        return sentences.size();
    }
}
