package io.footnote.embed;

import io.footnote.config.FootnoteConfig;
import io.footnote.embed.EmbeddingModels.Known;
import io.footnote.support.DefaultModel;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelPreloadTest {

    private static final String TEXT = "The harbour bridge reopened on Thursday after months of repairs.";

    @Test
    void given_the_configured_model_preloaded_when_it_is_loaded_then_it_embeds_as_one_loaded_without_a_preload() {
        ModelPreload preload = new ModelPreload();
        preload.start(Known.ALL_MINILM_L6_V2_Q);

        OnnxEncoder encoder = EmbeddingModels.load(Known.ALL_MINILM_L6_V2_Q, DefaultModel.executor(), preload);

        assertArrayEquals(DefaultModel.encoder().embed(TEXT).content().vector(), encoder.embed(TEXT).content().vector());
        assertTrue(preload.take(Known.ALL_MINILM_L6_V2_Q).isEmpty(), "a preload is taken once");
    }

    @Test
    void given_a_preload_when_it_is_taken_then_it_holds_a_working_session_and_a_second_start_preloads_nothing() {
        ModelPreload preload = new ModelPreload();
        preload.start(Known.ALL_MINILM_L6_V2_Q);
        preload.start(Known.BGE_SMALL_EN_V15_Q);

        Optional<EmbeddingModels.Parts> parts = preload.take(Known.ALL_MINILM_L6_V2_Q);

        assertTrue(parts.isPresent(), "the first start's model was preloaded");
        assertTrue(parts.get().session().getInputNames().contains("input_ids"));
        assertTrue(preload.take(Known.BGE_SMALL_EN_V15_Q).isEmpty(), "the second start preloaded nothing");
        parts.get().close();
    }

    @Test
    void given_another_model_preloaded_when_the_configured_one_is_taken_then_nothing_is_handed_over() {
        ModelPreload preload = new ModelPreload();
        preload.start(Known.BGE_SMALL_EN_V15_Q);

        Optional<EmbeddingModels.Parts> parts = preload.take(Known.ALL_MINILM_L6_V2_Q);

        assertTrue(parts.isEmpty(), "a preload of another model is not the configured model");
        assertTrue(preload.take(Known.BGE_SMALL_EN_V15_Q).isEmpty(), "and it is discarded, not kept for later");
    }

    @Test
    void the_model_preloaded_when_nothing_names_one_is_the_configurations_default() throws Exception {
        // FootnoteMain preloads Known.DEFAULT before Quarkus has read the configuration: it must be the model the
        // configuration falls back to, or every default start would load the model twice.
        String configured = FootnoteConfig.Embedding.class.getMethod("model").getAnnotation(WithDefault.class).value();

        assertEquals(Known.byName(configured), Known.DEFAULT);
    }
}
