package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionsTest {

    @Test
    void names_and_numbers_are_mentions_and_the_opening_question_word_is_not() {
        assertEquals(List.of("London", "2012", "Olympics"),
                Mentions.of("Who won the men's 100m at the London 2012 Olympics?").subList(1, 4));
        assertEquals(List.of("100"), Mentions.of("How tall is the 100 tower?"));
        assertEquals(List.of("German"), Mentions.of("Which German drugmaker did they buy?"));
        assertEquals(List.of("Xbox", "360"), Mentions.of("Which company made the Xbox 360's processor?"));
        assertEquals(List.of(), Mentions.of("What did he advise migrants?"));
    }

    @Test
    void a_follow_ups_appended_context_is_not_a_mention() {
        assertEquals(List.of(), Mentions.of("What did he advise migrants? (context: Chen Chuangchuang)"));
        assertEquals(List.of("Skype Out"),
                Mentions.of("How many pay for Skype Out? (context: Skype)"));
    }

    @Test
    void an_acronym_is_stated_by_the_name_it_abbreviates() {
        String text = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations.";
        assertEquals(true, Mentions.spelledOut(text, "ICE"));
        assertEquals(false, Mentions.spelledOut(text, "FBI"));
        assertEquals(true, Mentions.spelledOut("the Bank of England raised rates", "BE"));
    }

    @Test
    void ordinals_and_numbers_with_units_are_whole_mentions_and_short_abbreviations_are_not() {
        assertEquals(List.of("14th"), Mentions.of("What trade grew in the 14th century?"));
        assertEquals(List.of("3D"), Mentions.of("What lenses show the 3D effects on TV?"));
        assertEquals(List.of(), Mentions.of("Who operated the vBSN network?"));
    }

    @Test
    void a_misspelt_name_is_one_edit_from_the_right_one() {
        assertEquals(true, Mentions.oneEditApart("moncalm", "montcalm"));
        assertEquals(true, Mentions.oneEditApart("brainbridg", "bainbridg"));
        assertEquals(true, Mentions.oneEditApart("gsce", "gcse"));
        assertEquals(true, Mentions.oneEditApart("gospic", "gospid"));
        assertEquals(false, Mentions.oneEditApart("winston", "wilson"));
        assertEquals(false, Mentions.oneEditApart("sydney", "london"));
    }
}
