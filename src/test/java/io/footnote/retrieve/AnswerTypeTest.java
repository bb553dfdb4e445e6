package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import io.footnote.domain.Span;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerTypeTest {

    @Test
    void given_question_words_when_classified_then_the_asked_for_kind_is_found() {
        assertEquals(AnswerType.NUMBER, AnswerType.of("How many users does Skype have?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("What percentage of staff are based in Australia?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("How fast will the Cell processor run?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("To what level are US interest rates expected to rise?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("What was the score?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("What is the top speed of a Eurostar train?"));
        assertEquals(AnswerType.DATE, AnswerType.of("When did the strike end?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Which company made the Xbox 360's processor?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Who won the 2018 Champions League final?"));
        assertEquals(AnswerType.PLACE, AnswerType.of("Where was the summit held?"));
        assertEquals(AnswerType.PLACE, AnswerType.of("What is the capital of Australia?"));
        assertEquals(AnswerType.PLACE, AnswerType.of("Which was the capital city of the Khmer empire?"));
        assertEquals(AnswerType.REASON, AnswerType.of("Why did the shares fall?"));
        assertEquals(AnswerType.OTHER, AnswerType.of("What is China's principle on repatriation?"));
    }

    @Test
    void given_a_sentence_when_it_places_something_at_a_name_the_question_lacks_then_it_places_at_that_name() {
        Set<String> words = AnswerType.words("What city was Neville born in?");

        assertTrue(AnswerType.placesAt("Carrick and Shearer were born in Newcastle.", words));
        assertTrue(AnswerType.placesAt("The event was held on February 1 at SAP Center in San Jose.", words));
        // no name after the preposition, a name the question states, or a name after a broader preposition
        assertFalse(AnswerType.placesAt("Neville and Higgs were born in the city.", words));
        assertFalse(AnswerType.placesAt("Neville grew up in Newcastle.", AnswerType.words("Where in Newcastle did Neville live?")));
        assertFalse(AnswerType.placesAt("He sent a letter to Pope Leo from Rome's enemies.", words));
        // an opening "In" is not read as a lower-case preposition
        assertFalse(AnswerType.placesAt("In March the club moved.", words));
    }

    @Test
    void given_when_inside_a_question_as_a_conjunction_then_it_does_not_ask_for_a_date() {
        assertEquals(AnswerType.OTHER, AnswerType.of("What is the resultant force called when two forces act?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Who reigned over the empire when it was at its most powerful?"));
        assertEquals(AnswerType.DATE, AnswerType.of("The rocks have been in place since when?"));
        assertEquals(AnswerType.DATE, AnswerType.of("In which century did the steam engine begin?"));
        // a follow-up's appended earlier question does not decide what this one asks for
        assertEquals(AnswerType.NAME,
                AnswerType.of("Which companies were accused? (context: How much was the US government seeking?)"));
    }

    @Test
    void given_a_date_question_then_ordinals_and_relative_times_answer_it_and_a_bare_statement_does_not() {
        Set<String> q = AnswerType.words("When is the Members Debate held?");

        assertTrue(AnswerType.DATE.suppliedBy("Immediately after Decision Time a Members Debate is held.", q));
        assertTrue(AnswerType.DATE.suppliedBy("The plague returned throughout the 14th to 17th centuries.", q));
        assertFalse(AnswerType.DATE.suppliedBy("The Members Debate is held in the chamber.", q));
        // relative words answer "when" but are not set in bold as a date
        assertTrue(AnswerType.DATE.spans("Immediately after Decision Time a Members Debate is held.", q).isEmpty());
    }

    @Test
    void given_a_number_question_then_written_quantities_answer_it() {
        Set<String> q = AnswerType.words("For how many years has the area been inhabited?");

        assertTrue(AnswerType.NUMBER.suppliedBy("The area has been inhabited for thousands of years.", q));
        assertTrue(AnswerType.NUMBER.suppliedBy("Only a few British troops were stationed there.", q));
        assertFalse(AnswerType.NUMBER.suppliedBy("The area has long been inhabited.", q));
    }

    @Test
    void given_a_number_question_when_the_sentence_only_repeats_its_number_then_it_supplies_nothing() {
        Set<String> q = AnswerType.words("How many users did Skype have in 2005?");

        assertFalse(AnswerType.NUMBER.suppliedBy("Skype grew in 2005.", q));
        assertTrue(AnswerType.NUMBER.suppliedBy("Skype now has 28 million users around the world.", q));
    }

    @Test
    void given_a_who_question_when_the_sentence_names_only_the_questions_own_names_then_it_supplies_nothing() {
        Set<String> q = AnswerType.words("Which company made the Xbox 360's processor?");

        assertFalse(AnswerType.NAME.suppliedBy("The Xbox 360 processor is fast.", q));
        assertTrue(AnswerType.NAME.suppliedBy("The processor for the Xbox 360 was made by IBM.", q));
    }

    @Test
    void given_why_and_where_questions_when_the_sentence_gives_a_reason_or_place_then_it_supplies_it() {
        assertTrue(AnswerType.REASON.suppliedBy("Shares fell because profits dropped.",
                AnswerType.words("Why did the shares fall?")));
        assertFalse(AnswerType.REASON.suppliedBy("Shares fell sharply.", AnswerType.words("Why did the shares fall?")));
        assertTrue(AnswerType.PLACE.suppliedBy("The summit was held in Geneva.",
                AnswerType.words("Where was the summit held?")));
        assertFalse(AnswerType.OTHER.suppliedBy("Anything at all in 2005.", Set.of()));
    }

    @Test
    void given_a_number_question_when_spans_are_asked_then_the_new_amount_is_one_span_and_the_echo_none() {
        // given
        Set<String> q = AnswerType.words("How many users did Skype have in 2005?");
        String sentence = "In 2005, Skype now has 28 million users around the world.";

        // when
        List<Span> spans = AnswerType.NUMBER.spans(sentence, q);

        // then "2005" is the question's own number; "28 million" is one merged span
        assertEquals(List.of("28 million"), texts(sentence, spans));
    }

    @Test
    void given_a_sentence_naming_several_people_when_focused_then_only_the_name_beside_the_question_words_is_kept() {
        // given
        Set<String> q = AnswerType.words("Who is the Chinese minister of public security?");
        String sentence = "Wang Xiaohong, minister of public security, made the demands over the weekend with Homeland "
                + "Security Secretary Alejandro Mayorkas in a meeting in Washington.";

        // when
        List<Span> focus = AnswerType.NAME.focus(sentence, q);

        // then
        assertTrue(AnswerType.NAME.spans(sentence, q).size() > 2);
        assertEquals(List.of("Wang Xiaohong"), texts(sentence, focus));
    }

    @Test
    void given_no_question_word_near_any_name_when_focused_then_every_name_is_kept() {
        Set<String> q = AnswerType.words("Who won the award?");
        String sentence = "It went to Ann Lee, with John Smith second.";
        assertEquals(AnswerType.NAME.spans(sentence, q), AnswerType.NAME.focus(sentence, q));
        assertEquals(List.of("Ann Lee", "John Smith"), texts(sentence, AnswerType.NAME.focus(sentence, q)));
    }

    @Test
    void given_each_kind_when_spans_are_asked_then_they_cover_what_the_question_lacks() {
        String name = "The processor for the Xbox 360 was made by IBM.";
        assertEquals(List.of("IBM"), texts(name,
                AnswerType.NAME.spans(name, AnswerType.words("Which company made the Xbox 360's processor?"))));
        String date = "The strike ended on 4 March 2005, after talks.";
        assertEquals(List.of("4 March 2005"), texts(date,
                AnswerType.DATE.spans(date, AnswerType.words("When did the strike end?"))));
        String place = "The summit was held in Brussels last week.";
        assertEquals(List.of("Brussels"), texts(place,
                AnswerType.PLACE.spans(place, AnswerType.words("Where was the summit held?"))));
        String reason = "Shares fell because profits dropped, the firm said.";
        assertEquals(List.of("because profits dropped"), texts(reason,
                AnswerType.REASON.spans(reason, AnswerType.words("Why did the shares fall?"))));
        assertEquals(List.of(), AnswerType.OTHER.spans(reason, AnswerType.words("What did the firm say?")));
    }

    @Test
    void spans_are_ordered_disjoint_within_the_sentence_and_agree_with_suppliedBy() {
        long seed = new java.util.Random().nextLong();
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"Skype", "has", "28", "million", "users", "in", "London", "because", "of", "IBM", ",", "2005",
                "March", "the", "BBC", "said", ".", "twenty", "by", "using", "Paris"};
        for (int round = 0; round < 500; round++) {
            String sentence = randomWords(random, words, 1 + random.nextInt(15));
            Set<String> q = AnswerType.words(randomWords(random, words, 2));
            for (AnswerType type : AnswerType.values()) {
                List<Span> spans = type.spans(sentence, q);
                assertEquals(!spans.isEmpty(), type.suppliedBy(sentence, q), "seed " + seed + ": " + sentence);
                int last = -1;
                for (Span s : spans) {
                    assertTrue(s.start() > last && s.end() <= sentence.length() && s.start() < s.end(),
                            "seed " + seed + ": " + type + " " + spans + " in '" + sentence + "'");
                    last = s.end();
                }
            }
        }
    }

    @Test
    void given_any_sentence_when_supply_is_asked_then_it_answers_as_suppliedBy_and_suppliedNear_do() {
        long seed = new java.util.Random().nextLong();
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"Skype", "has", "28", "million", "users", "in", "London", "because", "of", "IBM", ",", "2005",
                "March", "the", "BBC", "said", ".", "twenty", "by", "using", "Paris", "after", "recently", "user's",
                "4th", "price", "rose", "when", "who", "how", "many"};
        for (int round = 0; round < 500; round++) {
            String sentence = randomWords(random, words, 1 + random.nextInt(20));
            Set<String> q = AnswerType.words(randomWords(random, words, 3));
            for (AnswerType type : AnswerType.values()) {
                AnswerType.Supply supply = type.supply(sentence, q);
                assertEquals(new AnswerType.Supply(type.suppliedBy(sentence, q), type.suppliedNear(sentence, q)), supply,
                        "seed " + seed + ": " + type + " in '" + sentence + "' for " + q);
            }
        }
    }

    @Test
    void given_a_place_question_when_the_sentence_names_only_the_questions_place_then_no_place_is_given() {
        // given
        Set<String> q = AnswerType.words("What is the capital of Australia?");

        // then a sentence that only repeats the question's place gives none; one that names another does
        assertFalse(AnswerType.PLACE.givenBy("More than 90% of the airline's staff are based in Australia.", q));
        assertTrue(AnswerType.PLACE.givenBy("The capital of Australia has been Canberra since 1913.", q));
        assertTrue(AnswerType.PLACE.givenBy("Australia's parliament sits in Canberra.", q));
        assertTrue(AnswerType.PLACE.givenBy("Canberra is the capital of Australia.", q));
        assertTrue(AnswerType.PLACE.givenBy("Sweden rationed gasoline and heating oil.",
                AnswerType.words("Which country rationed gasoline and heating gas?")));
    }

    @Test
    void given_a_where_question_when_the_sentence_names_a_place_in_lower_case_then_a_place_is_given() {
        // given a place a reader writes without a capital, which the ranker's supply check does not see
        Set<String> q = AnswerType.words("Where did Michael Howard go when he skipped school?");
        String sentence = "He skipped school and went to the snooker hall instead.";

        // then the lenient check still counts it, so the question is not declined for want of a place
        assertFalse(AnswerType.PLACE.suppliedBy(sentence, q));
        assertTrue(AnswerType.PLACE.givenBy(sentence, q));
    }

    @Test
    void given_any_sentence_when_given_is_asked_then_it_holds_whenever_the_stricter_supply_does() {
        long seed = new java.util.Random().nextLong();
        java.util.Random random = new java.util.Random(seed);
        String[] words = {"Skype", "has", "28", "million", "users", "in", "London", "because", "of", "IBM", ",", "2005",
                "the", "BBC", "said", ".", "to", "hall", "at", "Paris", "capital", "where", "based", "on", "its"};
        for (int round = 0; round < 500; round++) {
            String sentence = randomWords(random, words, 1 + random.nextInt(15));
            Set<String> q = AnswerType.words(randomWords(random, words, 2));
            for (AnswerType type : AnswerType.values()) {
                boolean given = type.givenBy(sentence, q);
                if (type.suppliedBy(sentence, q)) {
                    assertTrue(given, "seed " + seed + ": " + type + " in '" + sentence + "' for " + q);
                }
                if (type != AnswerType.PLACE) {
                    assertEquals(type.suppliedBy(sentence, q), given, "seed " + seed + ": " + type + " in '" + sentence + "'");
                }
            }
        }
    }

    /** {@code n} words drawn from {@code words}, joined by spaces. */
    private static String randomWords(java.util.Random random, String[] words, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return b.toString();
    }

    private static List<String> texts(String sentence, List<Span> spans) {
        return spans.stream().map(s -> sentence.substring(s.start(), s.end())).toList();
    }

    @Test
    void given_a_why_question_then_it_asks_for_a_cause_and_a_how_question_does_not() {
        assertTrue(AnswerType.asksWhy("Why did the woman wait two years?"));
        assertTrue(AnswerType.asksWhy("How come the shares fell?"));
        assertTrue(AnswerType.asksWhy("What led to the strike?"));
        assertFalse(AnswerType.asksWhy("How did Argentina fix its economic crisis?"));
        assertFalse(AnswerType.asksWhy("What did the court decide?"));
    }

    @Test
    void given_sentences_then_only_an_outright_connective_states_a_cause() {
        assertTrue(AnswerType.statesCause("The woman waited two years to sue because she was negotiating a settlement."));
        assertTrue(AnswerType.statesCause("Flights were cancelled due to fog."));
        assertTrue(AnswerType.statesCause("He resigned in protest at the cuts."));
        // a reported ruling or finding gives the reason a why-question about a decision asks for
        assertTrue(AnswerType.statesCause("The judge ruled that the contract had been broken."));
        assertTrue(AnswerType.statesCause("The delay was blamed on a software fault."));
        assertTrue(AnswerType.statesCause("He had been suffering from a back injury."));
        // the common words of the broader reason pattern are no cause on their own
        assertFalse(AnswerType.statesCause("After the match, the team flew home through Paris."));
        assertFalse(AnswerType.statesCause("Shares fell 5% on Monday."));
    }

    @Test
    void given_a_question_counting_people_or_a_measure_then_a_number_with_another_word_for_it_counts_it() {
        Set<String> people = AnswerType.countedNouns("How many people were lost in Algiers during 1620-21?");
        assertTrue(AnswerType.countsNear("Algiers lost 30 to 50 thousand inhabitants to it in 1620–21.", people));
        assertTrue(AnswerType.countsNear("Attendance included 350 government officials and experts.", people));
        assertFalse(AnswerType.countsNear("Here in Scotland we have 32 councils.", people));

        Set<String> kilometres = AnswerType.countedNouns("How many kilometers is Warsaw from the Carpathian Mountains?");
        assertTrue(AnswerType.countsNear("Warsaw lies about 300 km (190 mi) from the Carpathian Mountains.", kilometres));
        assertFalse(AnswerType.countsNear("Warsaw has 18 districts.", kilometres));
    }

    @Test
    void given_a_counting_question_then_what_it_counts_is_found_and_a_number_counts_it_only_when_it_names_it() {
        Set<String> copies = AnswerType.countedNouns("How many copies of GTA: San Andreas have been sold in the UK?");
        assertEquals(Set.of("copy"), copies);
        assertEquals(Set.of("color", "analyst"), AnswerType.countedNouns("How many color analysts were involved?"));
        assertTrue(AnswerType.countedNouns("How much does the Mac mini cost?").isEmpty());

        assertTrue(AnswerType.countsNear("In the UK it has sold more than 677,000 copies.", copies));
        assertTrue(AnswerType.countsNear("Six million copies were shipped.", copies));
        assertFalse(AnswerType.countsNear("GTA San Andreas has an 18 certificate.", copies));
        assertFalse(AnswerType.countsNear("The copies sold fast, 18 shops said.", copies), "the noun must follow the number");
    }

    @Test
    void given_a_number_inside_a_name_then_it_supplies_no_number() {
        Set<String> words = AnswerType.words("How many people live in Scotland?");
        // digits inside a name, and a capitalised number word beside another capitalised word, name something
        assertFalse(AnswerType.NUMBER.suppliedBy("BBC1, Five Live and this website", words));
        assertFalse(AnswerType.NUMBER.suppliedBy("UPS ordered the Airbus A380 and the G8 met in Formula One's home.", words));
        assertTrue(AnswerType.NUMBER.spans("BBC1, Five Live and this website", words).isEmpty());
        // an ordinary number still does, at the opening too, beside a symbol, and after a name
        assertTrue(AnswerType.NUMBER.suppliedBy("Five people were hurt.", words));
        assertTrue(AnswerType.NUMBER.suppliedBy("The firm made £5m last year.", words));
        assertTrue(AnswerType.NUMBER.suppliedBy("About 5.2 million people live there.", words));
        assertTrue(AnswerType.NUMBER.suppliedBy("UPS ordered 10 Airbus A380 jets.", words));
        assertTrue(AnswerType.NUMBER.suppliedBy("Scotland has five million inhabitants.", words));
    }

    @Test
    void given_a_number_counting_some_beyond_others_then_it_does_not_say_how_many_in_all() {
        Set<String> words = AnswerType.words("How many Oscar nominations did the film Ray receive?");
        // "three other nominations" counts some beyond the others, not all of them
        assertFalse(AnswerType.NUMBER.suppliedBy("The film's three other Oscar nominations are for costume and sound.", words));
        assertFalse(AnswerType.NUMBER.suppliedBy("He scored two more goals after the break.", words));
        assertTrue(AnswerType.NUMBER.suppliedBy("Ray has been nominated in six Oscar categories.", words));
        // unless the question asks about the others, or "more" stands before the number
        assertTrue(AnswerType.NUMBER.suppliedBy("The film's three other Oscar nominations are for costume and sound.",
                AnswerType.words("How many other nominations did the film Ray receive?")));
        assertTrue(AnswerType.NUMBER.suppliedBy("The film received more than 10 nominations.", words));
    }
}
