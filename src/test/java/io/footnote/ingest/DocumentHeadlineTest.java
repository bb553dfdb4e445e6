package io.footnote.ingest;

import io.footnote.domain.Document;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Document#headlined}: a title line, or the first sentence of the body, as the splitter finds them. */
class DocumentHeadlineTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private Document doc(String text) {
        return new Document("d", "t", null, text, splitter.split(text), "d.txt", "h");
    }

    @Test
    void given_a_short_line_without_a_full_stop_above_the_body_then_it_is_a_headline() {
        assertTrue(doc("Hotspot users gain free net calls\n\nPeople using hotspots can call for free.").headlined());
    }

    @Test
    void given_a_question_as_the_first_line_then_it_is_still_a_headline() {
        assertTrue(doc("What now for British tennis?\n\nThe men's game has no one in the top 100.").headlined());
    }

    @Test
    void given_a_file_that_opens_with_a_sentence_ending_in_a_full_stop_then_it_has_no_headline() {
        assertFalse(doc("Mao Ning said on Monday that China will accept repatriation.\n\nShe spoke in Beijing.")
                .headlined());
        assertFalse(doc("“We will accept them,” she said.\nThe talks went on.").headlined());
    }

    @Test
    void given_a_first_line_that_runs_on_into_a_second_sentence_then_it_has_no_headline() {
        assertFalse(doc("Prices rose sharply in March. Analysts expect more\n\nA second paragraph.").headlined());
    }

    @Test
    void given_the_seed_articles_as_read_then_neither_has_a_headline() {
        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), splitter);
        for (String id : new String[]{SeedCorpus.MAO, SeedCorpus.DINAN}) {
            Document d = reader.read(id + ".txt", SeedCorpus.raw(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(d.headlined(), id + ": " + d.sentenceText(0));
        }
    }
}
