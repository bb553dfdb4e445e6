package io.footnote.web.page;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A corpus whose article holds markup meant to run in the reader's browser: a script, an img onerror, a javascript: link. */
public class HostileCorpusProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("footnote.corpus.path", "src/test/resources/hostile-corpus",
                "footnote.data.path", "target/test-data-hostile");
    }
}
