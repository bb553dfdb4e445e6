package io.footnote.retrieve;

import io.footnote.index.ArticleIndex;
import io.footnote.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dimension a question measures, and the sentence that gives a number in its units ({@link Measure}). */
class MeasureTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    @Test
    void given_how_questions_when_their_measure_is_read_then_each_names_its_dimension() {
        assertEquals(Measure.SPEED, Measure.asked("How fast will the Cell processor run?"));
        assertEquals(Measure.MONEY, Measure.asked("How much did Google pay for YouTube?"));
        assertEquals(Measure.MONEY, Measure.asked("What was the price of the console at launch?"));
        assertEquals(Measure.AGE, Measure.asked("How old was Manning when he played Super Bowl 50?"));
        assertEquals(Measure.SPAN, Measure.asked("How long was Warsaw occupied by Germany?"));
        assertEquals(Measure.LENGTH, Measure.asked("How tall is Mount Everest?"));
        assertEquals(Measure.SHARE, Measure.asked("By how much did the mining companies raise what they charge?"));
        assertEquals(Measure.SHARE, Measure.asked("From 1947 to 1967, how much did the price of oil increase?"));
        assertEquals(Measure.FREQUENCY, Measure.asked("How often does the European Council meet?"));
    }

    @Test
    void given_a_question_about_a_rate_when_its_measure_is_read_then_it_asks_a_share() {
        assertEquals(Measure.SHARE, Measure.asked("To what level are US interest rates expected to rise?"));
        assertEquals(Measure.SHARE, Measure.asked("What is South Africa's new corporate tax rate?"));
        assertEquals(Measure.SHARE, Measure.asked("What is the applicant admission rate for the class of 2019?"));
        assertEquals(Measure.SPEED, Measure.asked("How fast is the growth rate?")); // a named dimension first
        // the rate of something named in a question that asks no figure
        assertNull(Measure.asked("What happened to the rate of flow in the Rhine?"));
        assertNull(Measure.asked("Why did the rate of inflation fall?"));
    }

    @Test
    void given_sentences_with_fractions_and_ordinals_when_read_for_a_share_then_only_a_counted_fraction_gives_it() {
        assertTrue(Measure.SHARE.givenBy("Borrowing costs are tipped to rise by a quarter of a percentage point."));
        assertTrue(Measure.SHARE.givenBy("Two-thirds of voters backed the plan."));
        assertTrue(Measure.SHARE.givenBy("Sales fell by half."));
        assertFalse(Measure.SHARE.givenBy("US interest rates are expected to rise for the fifth time since June."));
        assertFalse(Measure.SHARE.givenBy("It was the third quarter in a row of growth."));
    }

    @Test
    void given_a_question_that_asks_no_amount_when_its_measure_is_read_then_there_is_none() {
        assertNull(Measure.asked("In what area of the United States did Tesla move to?"));
        assertNull(Measure.asked("How many users does Skype have?")); // counts something named: AnswerType's part
        assertNull(Measure.asked("When was the heatwave in which Hopetoun recorded its highest temperature?"));
        assertNull(Measure.asked("Who founded the company?"));
    }

    @Test
    void given_sentences_with_numbers_when_read_for_a_dimension_then_only_a_number_in_its_units_gives_it() {
        assertTrue(Measure.SPEED.givenBy("The chip runs at 4GHz, its makers said."));
        assertFalse(Measure.SPEED.givenBy("It is ten times faster than a desktop processor, with 9 cores."));
        assertTrue(Measure.MONEY.givenBy("Google bought YouTube for $1.65bn in shares."));
        assertTrue(Measure.MONEY.givenBy("The deal is worth 300 million euros."));
        assertFalse(Measure.MONEY.givenBy("The deal will cost 5,000 jobs by 2010."));
        assertTrue(Measure.AGE.givenBy("Manning, 39, became the oldest quarterback; he was 39 years old."));
        assertTrue(Measure.AGE.givenBy("The record age difference was 13 years (Manning was 39, Newton was 26)."));
        assertFalse(Measure.AGE.givenBy("The stadium was 50 miles away and was 12% full."));
        assertTrue(Measure.SPAN.givenBy("Germany occupied the city for five years."));
        assertTrue(Measure.LENGTH.givenBy("The summit stands 8,848 metres above sea level."));
        assertTrue(Measure.SHARE.givenBy("They raised prices by 71.5%."));
        assertTrue(Measure.FREQUENCY.givenBy("The council meets four times a year."));
        assertFalse(Measure.FREQUENCY.givenBy("The council met in Brussels in 2004."));
    }

    @Test
    void given_a_speed_question_when_one_sentence_gives_a_speed_and_another_a_ratio_then_the_speed_counts() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given an article with a sentence that compares the chip and one that gives its clock speed
            DefaultSentenceRetriever retriever = FlatArticles.retrieverOver(index, FlatArticles.article("cell",
                    "Cell chip", LocalDate.of(2005, 2, 8),
                    "Cell chip",
                    "The Cell processor is ten times faster than current chips.",
                    "The Cell processor will run at speeds of 4GHz."));

            // when the candidates of "How fast will the Cell processor run?" are read
            var candidates = retriever.candidates("How fast will the Cell processor run?", 5, Conversation.NONE)
                    .candidates();

            // then the sentence with the speed counts as giving what is asked, the ratio does not
            Candidate ratio = candidates.stream().filter(c -> c.sentenceIndex() == 1).findFirst().orElseThrow();
            Candidate speed = candidates.stream().filter(c -> c.sentenceIndex() == 2).findFirst().orElseThrow();
            assertFalse(ratio.cues().counts(), ratio.toString());
            assertTrue(speed.cues().counts(), speed.toString());
        }
    }
}
