package io.footnote.web.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** OpenAI's model list, {@code {"object": "list", "data": [model, …]}}. */
public record ModelList(String object, List<Model> data) {

    /**
     * One model.
     *
     * @param created seconds since the epoch (the service's start: the models are the service itself)
     */
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }
}
