package io.footnote.app;


import io.footnote.domain.Document;
import io.footnote.index.ArticleIndex;
import io.footnote.index.ArticleLookup;
import io.footnote.index.IndexedDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indexed articles of the running service, for reading. Every method needs a ready service. */
@ApplicationScoped
public class Documents {

    private final ServiceLifecycle lifecycle;

    public Documents(ServiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Every indexed article, in the index's order. @throws NotReadyException while loading */
    public List<ArticleLookup.Entry> list() {
        return index().documents();
    }

    /** One page of the listing (see {@link ArticleLookup#page}). @throws NotReadyException while loading */
    public ArticleLookup.Page page(Optional<String> afterId, int limit, String titleContains) {
        return index().page(afterId, limit, titleContains);
    }

    /** An article with its chunks. @throws NotReadyException while loading */
    public Optional<IndexedDocument> indexed(String id) {
        return index().document(id);
    }

    /** An article's text and sentences. @throws NotReadyException while loading */
    public Optional<Document> document(String id) {
        return indexed(id).map(IndexedDocument::document);
    }

    /** Totals over the index, once serving; empty before. */
    public Optional<ArticleIndex.Stats> stats() {
        return lifecycle.ready() ? Optional.of(index().stats()) : Optional.empty();
    }

    /** The backend's own health figures, once serving; empty before. */
    public Map<String, String> health() {
        return lifecycle.ready() ? index().health() : Map.of();
    }

    private ArticleIndex index() {
        return lifecycle.serving().pipeline().index();
    }
}
