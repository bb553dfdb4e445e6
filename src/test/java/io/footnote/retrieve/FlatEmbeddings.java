package io.footnote.retrieve;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.List;

/** An embedding model for retrieval tests: every text embeds to the same 4-dimensional unit vector, so the words decide. */
final class FlatEmbeddings implements EmbeddingModel {

    static final float[] VECTOR = {1, 0, 0, 0};

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(s -> Embedding.from(VECTOR.clone())).toList());
    }
}
