package io.footnote.app;

import io.footnote.config.FootnoteConfig;
import io.footnote.index.OpenSearchIndex;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index backend and the OpenSearch settings as read from configuration (no cluster needed). */
class PipelineBackendTest {

    static FootnoteConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 1000))
                .withMapping(FootnoteConfig.class)
                .build()
                .getConfigMapping(FootnoteConfig.class);
    }

    @Test
    void lucene_is_the_default_backend() {
        // given / when
        FootnoteConfig c = config(Map.of());

        // then
        assertEquals(FootnoteConfig.Index.Backend.LUCENE, c.index().backend());
        assertEquals(FootnoteConfig.OpenSearch.Fusion.CLIENT, c.opensearch().hybrid());
        assertEquals(1, c.opensearch().replicas());
    }

    @Test
    void opensearch_settings_are_read_from_configuration() {
        // given
        FootnoteConfig c = config(Map.of("footnote.opensearch.hosts", " http://a:9200, http://b:9200 ,",
                "footnote.opensearch.username", "reader", "footnote.opensearch.hybrid", "Server",
                "footnote.opensearch.shards", "12", "footnote.opensearch.timeout", "5s"));

        // when
        OpenSearchIndex.Settings s = Pipeline.openSearch(c.opensearch());

        // then
        assertEquals(List.of("http://a:9200", "http://b:9200"), s.hosts());
        assertEquals(Optional.of("reader"), s.username());
        assertEquals(Optional.empty(), s.password());
        assertTrue(s.serverHybrid());
        assertEquals(12, s.shards());
        assertEquals(Duration.ofSeconds(5), s.timeout());
    }

    @Test
    void an_unknown_fusion_place_is_refused_with_the_setting_named() {
        // given
        Map<String, String> values = Map.of("footnote.opensearch.hybrid", "both");

        // when
        RuntimeException e = assertThrows(RuntimeException.class, () -> config(values));

        // then
        assertTrue(e.getMessage().contains("footnote.opensearch.hybrid"), e.getMessage());
    }

    @Test
    void an_unknown_backend_is_refused_with_the_setting_named() {
        // given
        Map<String, String> values = Map.of("footnote.index.backend", "solr");

        // when
        RuntimeException e = assertThrows(RuntimeException.class, () -> config(values));

        // then
        assertTrue(e.getMessage().contains("footnote.index.backend"), e.getMessage());
    }
}
