package io.footnote.eval;

import io.footnote.config.FootnoteConfig;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, as Quarkus read it, with an evaluation run's own folders (and, for the oracle,
 * its model settings) laid on top. Nothing is read here: every other setting is the one the service has, so
 * {@code -Dfootnote.*} flags and {@code FOOTNOTE_*} variables reach an evaluation exactly as they reach serving.
 *
 * <p>Contract: the returned configuration answers {@code corpus().path()} with {@code corpus},
 * {@code data().path()} with {@code data}, and each {@code llm()} method named in {@code llm} with its value;
 * every other call goes to {@code base}.
 */
final class ConfigOverlay {

    private ConfigOverlay() {
    }

    /**
     * @param llm {@code FootnoteConfig.Llm} method names and the values they return instead (e.g.
     *            {@code "baseUrl" → Optional.of(url)}); empty for the configured model
     */
    static FootnoteConfig of(FootnoteConfig base, Path corpus, Path data, Map<String, Object> llm) {
        FootnoteConfig.Corpus c = overlay(FootnoteConfig.Corpus.class, base.corpus(), Map.of("path", corpus));
        FootnoteConfig.Data d = overlay(FootnoteConfig.Data.class, base.data(), Map.of("path", data));
        FootnoteConfig.Llm l = overlay(FootnoteConfig.Llm.class, base.llm(), llm);
        return overlay(FootnoteConfig.class, base, Map.of("corpus", c, "data", d, "llm", l));
    }

    /** The settings that point the OpenAI-compatible client at {@code reader}, follow-ups rewritten by the heuristic. */
    static Map<String, Object> oracle(OracleReader reader) {
        return Map.of("provider", io.footnote.llm.LlmProvider.OPENAI, "baseUrl", Optional.of(reader.baseUrl()),
                "model", Optional.of(OracleReader.MODEL), "apiKey", Optional.of("oracle"), "rewriteFollowUps", false);
    }

    private static <T> T overlay(Class<T> type, T base, Map<String, Object> values) {
        if (values.isEmpty()) {
            return base;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "overlay of " + base;
                };
            }
            try {
                return method.invoke(base, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
