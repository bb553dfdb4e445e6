package io.footnote.cite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkersTest {

    private static List<List<Integer>> numbers(String text) {
        return Markers.find(text).stream().map(Markers.Marker::numbers).toList();
    }

    @Test
    void finds_every_marker_form_a_model_writes() {
        assertEquals(List.of(List.of(2)), numbers("China agreed [2]."));
        assertEquals(List.of(List.of(2, 5)), numbers("China agreed [2, 5]."));
        assertEquals(List.of(List.of(2), List.of(5)), numbers("China agreed [2][5]."));
        assertEquals(List.of(List.of(2)), numbers("China agreed【2】."));
        assertEquals(List.of(List.of(2, 3, 4)), numbers("China agreed [2-4]."));
        assertEquals(List.of(List.of(3)), numbers("China agreed [^3]."));
        assertEquals(List.of(List.of(7)), numbers("China agreed [Source 7]."));
        assertEquals(List.of(List.of(1, 2)), numbers("China agreed [1; 2]."));
    }

    @Test
    void leaves_bracketed_words_alone() {
        assertEquals(List.of(), numbers("the [People’s Republic of China] needs to do more"));
    }

    @Test
    void strip_removes_markers_and_tidies_spaces() {
        assertEquals("ICE completed 288 deportations.", Markers.strip("ICE completed 288 deportations [3][4]."));
    }
}
