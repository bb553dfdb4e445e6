package io.footnote.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Test profiles that run the service against a stubbed language-model server (see {@link LlmStub}). */
public final class LlmProfiles {

    private LlmProfiles() {
    }

    private abstract static class Stubbed implements QuarkusTestProfile {
        private final String provider;

        Stubbed(String provider) {
            this.provider = provider;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LlmStub.class, Map.of("provider", provider)));
        }
    }

    public static final class OpenAi extends Stubbed {
        public OpenAi() {
            super("openai");
        }
    }

    public static final class Ollama extends Stubbed {
        public Ollama() {
            super("ollama");
        }
    }

    public static final class Anthropic extends Stubbed {
        public Anthropic() {
            super("anthropic");
        }
    }

    public static final class Unreachable extends Stubbed {
        public Unreachable() {
            super("unreachable");
        }
    }
}
