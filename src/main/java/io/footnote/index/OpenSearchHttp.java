package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.internal.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST plumbing of {@link OpenSearchIndex}: one client over every configured node, with basic
 * authentication and the connect and response timeouts, JSON in and out.
 *
 * <p>Contract: a node that fails a request is marked dead by the transport and the request goes to another;
 * {@link #call} returns the parsed answer (an empty object for an empty body), {@code null} for a tolerated
 * status, and throws {@link OpenSearchIndex.OpenSearchException} (with OpenSearch's error type) for any other
 * status of 400 or more, or {@link UncheckedIOException} when no node answered. {@link #send} returns whatever
 * status came back, for a caller that judges it itself (the bulk writer retries some).
 */
final class OpenSearchHttp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenSearchHttp.class);

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";

    /** An answer as it came: HTTP status and body (an empty object when there was none). */
    record Reply(int status, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;

    /**
     * @param hosts   node URLs ({@code http://host:9200}); at least one
     * @param timeout connect and response timeout of every request
     */
    OpenSearchHttp(List<String> hosts, Optional<String> username, Optional<String> password, Timeout timeout) {
        List<HttpHost> nodes = new ArrayList<>();
        for (String h : hosts) {
            try {
                nodes.add(HttpHost.create(h.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("footnote.opensearch.hosts: not a URL: " + h, e);
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("footnote.opensearch.hosts names no host");
        }
        List<Header> headers = new ArrayList<>();
        username.ifPresent(u -> headers.add(new BasicHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)))));
        this.transport = ApacheHttpClient5TransportBuilder.builder(nodes.toArray(HttpHost[]::new))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(timeout).setResponseTimeout(timeout))
                .setFailureListener(new ApacheHttpClient5Transport.FailureListener() {
                    @Override
                    public void onFailure(Node node) {
                        // Reported, not fatal: the transport marks the node dead and sends requests to the others.
                        LOG.warnf("OpenSearch node %s failed a request; trying the other nodes", node.getHost());
                    }
                })
                .build();
        this.client = new OpenSearchGenericClient(transport);
    }

    /** The mapper request bodies are built with. */
    ObjectMapper json() {
        return json;
    }

    /** A new empty JSON object. */
    ObjectNode object() {
        return json.createObjectNode();
    }

    /** Parses a JSON constant of the caller's. */
    JsonNode parse(String constant) {
        try {
            return json.readTree(constant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON bytes of {@code body}. */
    byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One REST call with a JSON body (or none); statuses in {@code tolerated} return null. */
    JsonNode call(String method, String path, Map<String, String> params, byte[] body, int... tolerated) {
        return call(method, path, params, body, JSON, tolerated);
    }

    /** One REST call; statuses in {@code tolerated} return null, other errors throw with OpenSearch's reason. */
    JsonNode call(String method, String path, Map<String, String> params, byte[] body, String contentType,
                  int... tolerated) {
        Requests.JsonBodyBuilder b = Requests.builder().method(method).endpoint(path).query(params);
        if (body != null) {
            b.body(Body.from(body, contentType));
        }
        try (Response r = client.execute(b.build())) {
            for (int t : tolerated) {
                if (r.getStatus() == t) {
                    return null;
                }
            }
            JsonNode result = read(r);
            if (r.getStatus() >= 400) {
                throw new OpenSearchIndex.OpenSearchException("OpenSearch " + method + " " + path + " failed with HTTP "
                        + r.getStatus() + ": " + result.path("error"), r.getStatus(),
                        result.path("error").path("type").asText(""));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch " + method + " " + path + " failed on every node", e);
        }
    }

    /** One POST whatever its status; {@link IOException} when no node answered. */
    Reply send(String path, byte[] body, String contentType) throws IOException {
        try (Response r = client.execute(Requests.builder().method("POST").endpoint(path)
                .body(Body.from(body, contentType)).build())) {
            return new Reply(r.getStatus(), read(r));
        }
    }

    private JsonNode read(Response r) throws IOException {
        Optional<Body> body = r.getBody();
        if (body.isEmpty()) {
            return json.createObjectNode();
        }
        try (Body b = body.get()) {
            return json.readTree(b.body());
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("closing the OpenSearch client", e);
        }
    }
}
