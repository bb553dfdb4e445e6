package io.footnote.app;

import io.footnote.cite.AnswerChecker;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The citation checker of the running service, for answers written by any system: the same scorer, embedding
 * model and threshold that check the service's own answers.
 */
@ApplicationScoped
public class Verification {

    private final ServiceLifecycle lifecycle;

    public Verification(ServiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The checker. @throws NotReadyException while the embedding model and index are still loading */
    public AnswerChecker checker() {
        return lifecycle.serving().pipeline().checker();
    }

    /** An indexed article's text and sentences, for sources given as a sentence range. @throws NotReadyException */
    public Optional<Document> document(String id) {
        return lifecycle.serving().pipeline().index().document(id).map(IndexedDocument::document);
    }
}
