package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionsTest {

    @Test
    void names_and_numbers_are_mentions_and_the_opening_question_word_is_not() {
        assertEquals(List.of("London", "2012", "Olympics"),
                DefaultSentenceRetriever.mentions("Who won the men's 100m at the London 2012 Olympics?").subList(1, 4));
        assertEquals(List.of("100"), DefaultSentenceRetriever.mentions("How tall is the 100 tower?"));
        assertEquals(List.of("German"), DefaultSentenceRetriever.mentions("Which German drugmaker did they buy?"));
        assertEquals(List.of("Xbox", "360"), DefaultSentenceRetriever.mentions("Which company made the Xbox 360's processor?"));
        assertEquals(List.of(), DefaultSentenceRetriever.mentions("What did he advise migrants?"));
    }

    @Test
    void a_follow_ups_appended_context_is_not_a_mention() {
        assertEquals(List.of(), DefaultSentenceRetriever.mentions("What did he advise migrants? (context: Chen Chuangchuang)"));
        assertEquals(List.of("Skype Out"),
                DefaultSentenceRetriever.mentions("How many pay for Skype Out? (context: Skype)"));
    }

    @Test
    void an_acronym_is_stated_by_the_name_it_abbreviates() {
        String text = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations.";
        assertEquals(true, DefaultSentenceRetriever.spelledOut(text, "ICE"));
        assertEquals(false, DefaultSentenceRetriever.spelledOut(text, "FBI"));
        assertEquals(true, DefaultSentenceRetriever.spelledOut("the Bank of England raised rates", "BE"));
    }
}
