package io.footnote.cite;

import io.footnote.ingest.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitedAnswerBuilderTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private CitedAnswerBuilder builder(int sources) {
        return new CitedAnswerBuilder(splitter::split, sources);
    }

    @Test
    void renumbers_citations_in_order_of_first_use() {
        // given a model that cites sources 5, 2 and 5 again
        CitedAnswerBuilder b = builder(6);

        // when
        b.append("Mao said China will accept repatriation [5]. Trump threatened tariffs [2, 5].");
        b.finish(true);

        // then 5 becomes [1], 2 becomes [2]
        assertEquals("Mao said China will accept repatriation [1]. Trump threatened tariffs [2][1].", b.text());
        assertEquals(List.of(5, 2), b.sourceNumbers());
        assertEquals(List.of(1), b.claims().get(0).citationIds());
        assertEquals(List.of(2, 1), b.claims().get(1).citationIds());
        assertEquals("Trump threatened tariffs.", b.claims().get(1).plain());
    }

    @Test
    void removes_and_counts_markers_naming_no_source() {
        CitedAnswerBuilder b = builder(3);

        b.append("ICE completed 288 deportations [99]. CBP met 53,000 migrants [2][0][7].");
        b.finish(true);

        assertEquals("ICE completed 288 deportations. CBP met 53,000 migrants [1].", b.text());
        assertEquals(3, b.removedMarkers());
        assertEquals(List.of(), b.claims().get(0).citationIds());
    }

    @Test
    void marker_after_the_full_stop_belongs_to_the_sentence_before() {
        CitedAnswerBuilder b = builder(2);

        b.append("The U.S. asked China to do more. [1] China called it politically motivated. 【2】");
        b.finish(true);

        assertEquals(2, b.claims().size());
        assertEquals(List.of(1), b.claims().get(0).citationIds());
        assertEquals("The U.S. asked China to do more. [1]", b.claims().get(0).text());
        assertEquals(List.of(2), b.claims().get(1).citationIds());
    }

    @Test
    void streamed_pieces_are_whole_sentences_and_join_to_the_text_however_the_model_splits_it() {
        String reply = "Mao said China will accept repatriation. [3]\n\nTrump threatened 25-percent tariffs [1][2]. "
                + "The sources do not say when the flights resumed.";
        for (int chunk : new int[] {1, 2, 3, 5, 8, 1000}) {
            CitedAnswerBuilder b = builder(3);
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < reply.length(); i += chunk) {
                String piece = b.append(reply.substring(i, Math.min(reply.length(), i + chunk)));
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
            }
            String last = b.finish(true);
            if (!last.isEmpty()) {
                pieces.add(last);
            }

            assertEquals(b.text(), String.join("", pieces), "chunk " + chunk);
            assertEquals("Mao said China will accept repatriation. [1]\n\nTrump threatened 25-percent tariffs [2][3]. "
                    + "The sources do not say when the flights resumed.", b.text(), "chunk " + chunk);
            for (String p : pieces) {
                assertFalse(p.matches("(?s).*\\[\\d*$"), "a piece ends inside a marker: " + p);
            }
        }
    }

    @Test
    void a_sentence_is_released_only_once_the_next_one_begins() {
        CitedAnswerBuilder b = builder(2);

        assertEquals("", b.append("China agreed."));
        assertEquals("", b.append(" [1"));
        assertEquals("", b.append("]"));
        assertEquals("China agreed. [1]", b.append(" Then"));
        assertEquals("", b.append(" it paused [2]."));
        assertEquals(" Then it paused [2].", b.finish(true));
    }

    @Test
    void a_cut_off_answer_drops_its_unfinished_sentence() {
        CitedAnswerBuilder b = builder(2);

        b.append("China agreed to take back migrants [1]. Trump then threatened Colombia with");
        b.finish(false);

        assertEquals("China agreed to take back migrants [1].", b.text());
        assertEquals("Trump then threatened Colombia with", b.dropped());
        assertEquals(1, b.claims().size());
    }

    @Test
    void remarks_about_the_sources_and_lead_ins_are_not_claims_needing_a_source() {
        CitedAnswerBuilder b = builder(1);

        b.append("Here is what the articles say:\nChina agreed [1]. The sources do not mention the date.");
        b.finish(true);

        List<CitedAnswerBuilder.Claim> claims = b.claims();
        assertEquals(3, claims.size());
        assertTrue(claims.get(0).meta());
        assertFalse(claims.get(1).meta());
        assertTrue(claims.get(2).meta());
    }
}
