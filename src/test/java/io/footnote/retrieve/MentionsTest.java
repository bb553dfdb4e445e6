package io.footnote.retrieve;

import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.ChunkHit;
import io.footnote.index.AnalyzedTerms;
import io.footnote.index.ChunkSearch;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
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

    @Test
    void a_short_name_is_misspelt_only_by_swapped_letters_not_by_another_word() {
        assertEquals(true, Mentions.misspelt("gsce", "gcse"));
        assertEquals(true, Mentions.misspelt("moncalm", "montcalm"));
        assertEquals(true, Mentions.misspelt("gospic", "gospid"));
        assertEquals(false, Mentions.misspelt("nobel", "novel"));
        assertEquals(false, Mentions.misspelt("wales", "sales"));
        assertEquals(false, Mentions.misspelt("paris", "pari"));
    }

    @Test
    void given_an_article_on_a_novel_prize_when_asked_about_the_nobel_prize_then_nobel_is_unstated() {
        // given an article on a book award that never names the Nobel Prize
        Mentions mentions = new Mentions(new AnalyzingSearch());
        String awards = "A novel set in 19th century Paraguay has won the fiction prize at the National Book Awards.";

        // when asked about the Nobel Prize in 2004, then "Nobel" counts as unstated ("novel" is another word)
        assertEquals(1, mentions.uncovered("Who won the Nobel Prize in Literature in 2004?", doc(
                awards + " The 2004 literature awards were presented in New York.")));
        // an accent still folds, an ordinal is stated by its number
        assertEquals(0, mentions.uncovered("Where did Yesun Temur die?", doc("When Yesün Temür died in Shangdu in 1328.")));
        assertEquals(0, mentions.uncovered("What opened on January 30th?", doc("Super Bowl City opened on January 30.")));
        // and a swapped-letter slip of a short name still names it
        assertEquals(0, mentions.uncovered("Who took the GSCE exams?", doc("Pupils sat their GCSE exams in June.")));
    }

    @Test
    void given_a_follow_ups_context_then_an_article_states_the_subject_when_it_names_one_of_its_mentions() {
        // given the Novartis article and the Treasury's spending article
        Mentions mentions = new Mentions(new AnalyzingSearch());
        Document novartis = doc("Swiss drugmaker Novartis has announced a 5.65bn euros takeover of Germany's Hexal.");
        Document treasury = doc("The Treasury money was earmarked for spending in instalments in 2010, 2011 and 2012.");

        // when the conversation's subject is "German, Novartis" (names of the user's earlier question)
        // then only the article that names them all is on the subject ("German" is stated by "Germany")
        assertEquals(true, mentions.statesSubject("German, Novartis", novartis));
        assertEquals(false, mentions.statesSubject("German, Novartis", treasury));
        assertEquals(false, mentions.statesSubject("German, Novartis", doc("Germany pledged aid to the Treasury fund.")));
        // a whole earlier question as context: its opening question word is no name, "Skype" is
        assertEquals(false, mentions.statesSubject("How many users does Skype have?", treasury));
        // a context with no names says nothing about the subject: every article may answer
        assertEquals(true, mentions.statesSubject("how much was spent", treasury));
    }

    @Test
    void a_name_of_several_words_is_stated_only_when_each_of_its_words_is() {
        Mentions mentions = new Mentions(new AnalyzingSearch());
        Document ds = doc("Nintendo's DS handheld went on sale on 11 March and costs far less than the Gizmondo.");

        // "Nintendo Wii" names a product the article never mentions, though it names the maker
        assertEquals(1, mentions.uncovered("How much does the Nintendo Wii cost?", ds));
        assertEquals(0, mentions.uncovered("How much does the Nintendo DS cost?", ds));
        assertEquals(0, mentions.uncovered("When did Nintendo's handheld go on sale?", ds));
    }

    @Test
    void given_the_same_article_twice_then_it_is_analysed_once_and_a_changed_article_again() {
        // given an article, then the same article read again, then a new version of it under the same id
        AnalyzingSearch search = new AnalyzingSearch();
        Mentions mentions = new Mentions(search);
        Document wii = doc("Nintendo's Wii went on sale on 8 December.");
        Document reread = doc(new String("Nintendo's Wii went on sale on 8 December.".toCharArray()));
        Document ds = doc("Nintendo's DS handheld went on sale on 11 March.");

        // when the same question is asked of each
        int first = mentions.uncovered("How much does the Nintendo Wii cost?", wii);
        int again = mentions.uncovered("How much does the Nintendo Wii cost?", reread);
        int analysedText = search.analysed(wii.text());
        int changed = mentions.uncovered("How much does the Nintendo Wii cost?", ds);

        // then the article's text was analysed once for both reads, and the changed text is read anew
        assertEquals(0, first);
        assertEquals(0, again);
        assertEquals(1, analysedText);
        assertEquals(1, changed);
        assertEquals(1, search.analysed(ds.text()));
    }

    @Test
    void given_a_year_the_article_states_only_in_another_paragraph_then_it_is_distant_from_the_evidence() {
        // given an article whose first paragraph is on the 1755 battle and whose third is on a 1758 one
        Mentions mentions = new Mentions(new AnalyzingSearch());
        Document battles = paragraphs(
                "The Battle of Lake George was fought in 1755. Johnson held the camp.",
                "Johnson built Fort William Henry over the winter.",
                "In 1758 Abercrombie attacked Fort Carillon. The French under Montcalm repulsed the attack.");
        int montcalm = 4; // "The French under Montcalm repulsed the attack."

        // when asked about 1755 with the 1758 paragraph as evidence, then "1755" is stated but distant
        assertEquals(0, mentions.uncovered("Who held the camp in 1755?", battles));
        assertEquals(1, mentions.distant(Mentions.of("Who repulsed the attack in 1755?"), battles, montcalm));
        assertEquals(1, mentions.distant(Mentions.of("Who repulsed the attack at Lake George?"), battles, montcalm));
        // the paragraph's own year, and a name of the sentence just before the paragraph, are near
        assertEquals(0, mentions.distant(Mentions.of("Who repulsed the attack in 1758?"), battles, montcalm));
        assertEquals(0, mentions.distant(Mentions.of("Who attacked after Johnson built his fort?"), battles, montcalm));
        // the title is near every sentence
        assertEquals(0, mentions.distant(Mentions.of("Who repulsed the attack in the French and Indian War?"),
                new Document("d", "French and Indian War", null, battles.text(), battles.sentences(), "d.txt", "h"),
                montcalm));
        // and a mention the article never states is not distant but unstated: the other rule's
        assertEquals(0, mentions.distant(Mentions.of("Who repulsed the attack in 1812?"), battles, montcalm));
    }

    /** An article of paragraphs separated by blank lines, with each sentence (ended by ". ") its own sentence. */
    private static Document paragraphs(String... paragraphs) {
        String text = String.join("\n\n", paragraphs);
        List<Sentence> sentences = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("[^.\n]+\\.").matcher(text);
        while (m.find()) {
            int start = m.start();
            while (text.charAt(start) == ' ') {
                start++;
            }
            sentences.add(new Sentence(sentences.size(), start, m.end()));
        }
        return new Document("d", "Untitled", null, text, sentences, "d.txt", "h");
    }

    private static Document doc(String text) {
        return new Document("d", "Untitled", null, text, List.of(new Sentence(0, 0, text.length())), "d.txt", "h");
    }

    /** The index's analysis (English, stemmed), nothing else: all {@link Mentions} asks of a search. */
    private static final class AnalyzingSearch implements ChunkSearch {
        private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
        private final java.util.Map<String, Integer> analysed = new java.util.HashMap<>();

        @Override
        public List<String> analyze(String text) {
            analysed.merge(text, 1, Integer::sum);
            return AnalyzedTerms.of(analyzer, "text", text);
        }

        /** How many times {@code text} was analysed. */
        int analysed(String text) {
            return analysed.getOrDefault(text, 0);
        }

        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public List<ChunkHit> searchText(String text, int n) {
            return List.of();
        }

        @Override
        public List<ChunkHit> searchVector(float[] vector, int n) {
            return List.of();
        }

        @Override
        public double idf(String term) {
            return 1;
        }
    }
}
