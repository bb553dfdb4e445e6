package io.footnote.eval;

import java.util.List;
import java.util.Map;

/**
 * A corpus to index and the questions to ask about it.
 *
 * @param name   shown in reports
 * @param files  corpus files to write (file name → content); empty when the corpus already exists on disk
 * @param cases  the questions
 */
public record EvalDataset(String name, Map<String, String> files, List<EvalCase> cases) {
}
