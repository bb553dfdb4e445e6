package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends bulk actions to one index, in requests of at most {@link #MAX_BULK_BYTES}, one request at a time on
 * the calling thread (which is the back-pressure).
 *
 * <p>Contract of {@link #send}: returns once OpenSearch has taken every action, in order within a request.
 * A request refused for load (429) or unavailability (5xx, or no node answered) is sent again whole, and items
 * refused for those reasons are sent again alone, after an exponential back-off (250 ms doubling, at most 30 s),
 * up to {@code maxRetries} times; then it throws {@link UncheckedIOException}. Resending is safe: every id is
 * deterministic. Any other refusal throws at once, except deleting what is already gone (404).
 *
 * <p>SmallRye Fault Tolerance's {@code Guard} is not used here: this class also runs outside a CDI container
 * (the cluster's integration tests), where the only {@code Guard} implementation on the class path cannot start.
 */
final class OpenSearchBulk {

    private static final Logger LOG = Logger.getLogger(OpenSearchBulk.class);

    static final long MAX_BULK_BYTES = 8L << 20;

    private final OpenSearchHttp http;
    private final String path;
    private final int maxRetries;
    private final AtomicLong retries = new AtomicLong();

    OpenSearchBulk(OpenSearchHttp http, String index, int maxRetries) {
        this.http = http;
        this.path = "/" + index + "/_bulk";
        this.maxRetries = maxRetries;
    }

    /** The action writing {@code source} under {@code id}. */
    byte[] index(String id, ObjectNode source) {
        ObjectNode meta = http.object();
        meta.putObject("index").put("_id", id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(http.bytes(meta));
        out.write('\n');
        out.writeBytes(http.bytes(source));
        out.write('\n');
        return out.toByteArray();
    }

    /** The action merging {@code doc} into the {@code _source} of {@code id} (no-op if {@code id} is absent). */
    byte[] update(String id, ObjectNode doc) {
        ObjectNode meta = http.object();
        meta.putObject("update").put("_id", id);
        ObjectNode body = http.object();
        body.set("doc", doc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(http.bytes(meta));
        out.write('\n');
        out.writeBytes(http.bytes(body));
        out.write('\n');
        return out.toByteArray();
    }

    /** The action deleting {@code id}. */
    byte[] delete(String id) {
        ObjectNode meta = http.object();
        meta.putObject("delete").put("_id", id);
        byte[] b = http.bytes(meta);
        byte[] out = Arrays.copyOf(b, b.length + 1);
        out[b.length] = '\n';
        return out;
    }

    /** Actions sent again since this writer was made (refused for load, or a node unavailable). */
    long retries() {
        return retries.get();
    }

    /** Sends {@code actions}, split into requests by size, each retried as the contract says. */
    void send(List<byte[]> actions) {
        int from = 0;
        while (from < actions.size()) {
            int to = from;
            long size = 0;
            while (to < actions.size() && (to == from || size + actions.get(to).length <= MAX_BULK_BYTES)) {
                size += actions.get(to++).length;
            }
            sendWithRetries(actions.subList(from, to));
            from = to;
        }
    }

    private void sendWithRetries(List<byte[]> batch) {
        for (int attempt = 0; ; attempt++) {
            Refused refused = sendOnce(batch);
            if (refused.actions().isEmpty()) {
                return;
            }
            if (attempt >= maxRetries) {
                throw new UncheckedIOException(new IOException("OpenSearch did not take " + refused.actions().size()
                        + " bulk actions after " + (attempt + 1) + " attempts: " + refused.reason()));
            }
            retries.incrementAndGet();
            long wait = Math.min(30_000, 250L << attempt);
            LOG.warnf("OpenSearch refused %d of %d bulk actions (%s); retrying in %d ms", refused.actions().size(),
                    batch.size(), refused.reason(), wait);
            sleep(wait);
            batch = refused.actions();
        }
    }

    /** The actions of one attempt worth sending again, and why the last of them was refused. */
    private record Refused(List<byte[]> actions, String reason) {
    }

    private Refused sendOnce(List<byte[]> batch) {
        OpenSearchHttp.Reply reply;
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] a : batch) {
                body.writeBytes(a);
            }
            reply = http.send(path, body.toByteArray(), OpenSearchHttp.NDJSON);
        } catch (IOException e) {
            return new Refused(batch, e.toString()); // the request as a whole
        }
        int status = reply.status();
        if (status == 429 || status >= 500) {
            return new Refused(batch, "HTTP " + status);
        }
        if (status >= 400) {
            throw new IllegalStateException("OpenSearch refused a bulk request: " + reply.body());
        }
        List<byte[]> failed = new ArrayList<>();
        String reason = null;
        if (reply.body().path("errors").asBoolean(false)) {
            JsonNode items = reply.body().path("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i).elements().next();
                int itemStatus = item.path("status").asInt();
                if (itemStatus == 429 || itemStatus >= 500) {
                    failed.add(batch.get(i));
                    reason = item.path("error").toString();
                } else if (itemStatus >= 400 && !(itemStatus == 404 && absentIsFine(items.get(i)))) {
                    throw new IllegalStateException("OpenSearch refused " + item.path("_id").asText()
                            + ": " + item.path("error"));
                }
            }
        }
        return new Refused(failed, reason);
    }

    /** A delete or a partial update of a record that is not there: nothing to do, as the callers' contract says. */
    private static boolean absentIsFine(JsonNode item) {
        return item.has("delete") || item.has("update");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a bulk request", e);
        }
    }
}
