package io.footnote.opensearch;

import io.footnote.index.ArticleIndex;
import io.footnote.index.ArticleIndexContract;
import io.footnote.index.OpenSearchIndex;
import io.footnote.support.OpenSearchCluster;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The {@link ArticleIndex} contract on the OpenSearch backend, against the two-node test cluster. */
class OpenSearchIndexContractIT extends ArticleIndexContract {

    @Override
    protected ArticleIndex openEmpty() {
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        String name = "contract-" + System.nanoTime();
        return OpenSearchIndex.open(new OpenSearchIndex.Settings(Arrays.asList(cluster.hosts().split(",")),
                Optional.empty(), Optional.empty(), name, 1, 1, false, Duration.ofSeconds(30), 3, 50,
                Duration.ofSeconds(5)), "contract", DIMENSION);
    }
}
