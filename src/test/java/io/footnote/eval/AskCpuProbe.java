package io.footnote.eval;

import io.footnote.answer.Answer;
import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.IngestReport;
import io.footnote.retrieve.SentenceRetriever;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per question of the answer pipeline, in-process: the thread CPU time ({@link ThreadMXBean}) of
 * {@code AnswerService.ask} (the extractive answerer, as {@code POST /api/ask} runs it), of the retrieval alone and of
 * the question's embedding alone,
 * over a fixed question list, after one warm-up round. Thread CPU time is what the question itself costs, whatever
 * else the shared machine runs at the time (wall-clock latency is not). Not a test: a tool for
 * {@code docs/performance.md}. It also writes every answer with its citations, so two builds' answers can be
 * compared line by line.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.footnote.eval.AskCpuProbe \
 *     QUESTIONS CORPUS_DIR DATA_DIR LIMIT ROUNDS ANSWERS_OUT
 * </pre>
 * {@code QUESTIONS} is what the {@code eval} command reads (a SQuAD file, whose articles are written to
 * {@code CORPUS_DIR}, or a JSON Lines golden set such as {@code src/test/resources/eval/bbc-golden.jsonl} with
 * follow-ups); the index in {@code DATA_DIR} is built on the first run and reused.
 */
public final class AskCpuProbe {

    private AskCpuProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path questions = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        Path data = Path.of(args[2]);
        int limit = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Path answersOut = Path.of(args[5]);
        EvalDataset dataset = EvalCli.load(questions, limit, 42, true);
        if (!dataset.files().isEmpty()) {
            EvalRun.writeCorpus(corpus, dataset.files());
        }
        List<EvalCase> cases = limit > 0 && dataset.cases().size() > limit
                ? dataset.cases().subList(0, limit) : dataset.cases();
        FootnoteConfig config = config(Map.of("footnote.corpus.path", corpus.toString(),
                "footnote.data.path", data.toString()));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Pipeline pipeline = Pipeline.open(config)) {
            IngestReport ingest = pipeline.ingest(p -> { });
            System.out.printf(Locale.ROOT, "%d documents (%d embedded now), %d questions%n", ingest.documents(),
                    ingest.indexed(), cases.size());
            SentenceRetriever retriever = pipeline.retriever();
            int topK = config.retrieval().topK();
            List<String> lines = new ArrayList<>();
            for (EvalCase c : cases) { // warm-up, and the answers written out
                Answer a = pipeline.answers().ask(c.question(), c.history(), null);
                lines.add(c.id() + "\t" + a.abstained() + "\t" + a.citations().stream()
                        .map(ct -> ct.documentId() + "#" + ct.sentenceIndex() + " " + ct.score() + " " + ct.supported()
                                + " " + ct.support() + " " + ct.highlights()).collect(Collectors.joining(","))
                        + "\t" + a.answer().replace('\n', ' ') + "\t" + a.unsupportedClaims() + "\t" + a.related());
                retriever.retrieve(query(a), topK);
            }
            Files.write(answersOut, lines);
            long[] ask = new long[rounds * cases.size()];
            long[] retrieve = new long[rounds * cases.size()];
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                for (EvalCase c : cases) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    Answer a = pipeline.answers().ask(c.question(), c.history(), null);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    retriever.retrieve(query(a), topK);
                    long t2 = cpu.getCurrentThreadCpuTime();
                    ask[n] = t1 - t0;
                    retrieve[n] = t2 - t1;
                    n++;
                }
            }
            System.out.println(summary("ask (AnswerService.ask, extractive)", ask));
            System.out.println(summary("retrieve (SentenceRetriever.retrieve)", retrieve));
            // The question's embedding alone (the model's inference on this thread), the share no ranking change moves.
            EmbeddingModels.Known model = config.embedding().model();
            OnnxEncoder encoder = EmbeddingModels.load(model, Runnable::run);
            long[] embed = new long[rounds * cases.size()];
            n = 0;
            for (int r = 0; r < rounds; r++) {
                for (EvalCase c : cases) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    encoder.embed(model.queryPrefix() + c.question());
                    embed[n++] = cpu.getCurrentThreadCpuTime() - t0;
                }
            }
            System.out.println(summary("embed (the question alone)", embed));
        }
    }

    private static String query(Answer a) {
        return a.rewrittenQuestion() != null ? a.rewrittenQuestion() : a.question();
    }

    private static String summary(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "%s: CPU ms per question mean %.2f, p50 %.2f, p90 %.2f (%d asks)", what,
                mean, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s.length);
    }

    /** The configuration's defaults with {@code values} on top, as the service reads them outside Quarkus. */
    private static FootnoteConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "probe", 1000))
                .withMapping(FootnoteConfig.class)
                .build()
                .getConfigMapping(FootnoteConfig.class);
    }
}
