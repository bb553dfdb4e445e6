package io.footnote.support;

import com.github.tomakehurst.wiremock.extension.Parameters;
import io.footnote.eval.OracleReader;

import java.util.Set;

/**
 * A WireMock transformer playing the oracle reader ({@link OracleReader#reply}): it copies the sentence given
 * as parameter {@code supporting}, with its marker, when the request's prompt numbers it as a source, and
 * replies {@code NO_ANSWER} when not. Written in the provider's wire format like {@link ScriptedReplies}.
 */
public class OracleReplies extends ScriptedReplies {

    public static final String NAME = "oracle-reply";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected String reply(Parameters p, String prompt) {
        return OracleReader.reply(prompt, Set.of(p.getString("supporting")));
    }
}
