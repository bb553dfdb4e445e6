package io.footnote.answer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerNoticeTest {

    private static Answer withNotice(String notice) {
        return new Answer("q", null, "a", "extractive", false, List.of(), List.of(), 0, notice,
                new Answer.Timings(1, 2, 1), List.of());
    }

    @Test
    void given_no_notice_when_a_notice_is_added_then_it_is_the_notice() {
        assertEquals("Still indexing.", withNotice(null).withNotice("Still indexing.").notice());
    }

    @Test
    void given_a_notice_when_another_is_added_then_both_are_kept_in_order() {
        Answer noted = withNotice("The model failed.").withNotice("Still indexing.");
        assertEquals("The model failed. Still indexing.", noted.notice());
        assertEquals("a", noted.answer());
    }
}
