package io.footnote.app;

import io.footnote.answer.Answer;
import io.footnote.answer.AnswerService;
import io.footnote.ingest.CorpusIngester;
import io.footnote.llm.LlmStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The question side of the running service: the answer services and the language model's status. */
@ApplicationScoped
public class Answers {

    private final ServiceLifecycle lifecycle;

    public Answers(ServiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Answers by the configured answerer. @throws NotReadyException while the index is still loading */
    public AnswerService configured() {
        return lifecycle.serving().pipeline().answers();
    }

    /** Answers that never call a language model. @throws NotReadyException while the index is still loading */
    public AnswerService extractive() {
        return lifecycle.serving().pipeline().extractiveAnswers();
    }

    /** The language model's status, once serving and when one is configured. */
    public Optional<LlmStatus> llm() {
        return lifecycle.state() instanceof ServiceLifecycle.State.Open s ? s.pipeline().llm() : Optional.empty();
    }

    /**
     * {@code answer}, its notice saying so when the start-up sync still runs: the answer then draws only on
     * the articles indexed so far.
     */
    public Answer noted(Answer answer) {
        if (!lifecycle.syncing()) {
            return answer;
        }
        CorpusIngester.Progress p = lifecycle.progress();
        String progress = "The corpus is still being indexed (" + p.done() + " of " + p.total()
                + " files); this answer draws only on the articles indexed so far.";
        return answer.withNotice(progress);
    }
}
