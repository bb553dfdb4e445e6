package io.footnote.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleFilterTest {

    @Test
    void given_a_padded_mixed_case_request_when_normalised_then_it_is_stripped_and_lower_cased() {
        // given / when
        String needle = TitleFilter.needle("  Harbour FESTIVAL ");

        // then
        assertEquals("harbour festival", needle);
        assertTrue(TitleFilter.matches("The Harbour Festival", needle));
        assertFalse(TitleFilter.matches("River Market", needle));
    }

    @Test
    void given_no_request_when_filtering_then_every_title_matches() {
        // given
        String needle = TitleFilter.needle(null);

        // when / then
        assertTrue(TitleFilter.matches("Anything", needle));
        assertTrue(TitleFilter.matches("Anything", TitleFilter.needle("   ")));
    }

    @Test
    void given_wildcard_characters_in_the_request_when_matched_as_a_pattern_then_they_match_only_themselves() {
        // given
        String pattern = TitleFilter.wildcard(TitleFilter.needle("50*? off\\"));

        // when
        CharacterRunAutomaton keyword = new CharacterRunAutomaton(Operations.determinize(
                WildcardQuery.toAutomaton(new Term("listTitle", pattern), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));

        // then
        assertTrue(keyword.run("sale: 50*? off\\ today"));
        assertFalse(keyword.run("sale: 50xy off\\ today"), "* and ? are not wildcards here");
        assertFalse(keyword.run("sale: 50*? off today"), "the backslash is literal too");
    }
}
