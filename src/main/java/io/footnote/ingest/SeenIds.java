package io.footnote.ingest;

import com.carrotsearch.hppc.LongHashSet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The document ids a corpus pass has seen, held as 64-bit fingerprints (the first eight bytes of the id's SHA-256)
 * in a set of primitive longs: about 18 bytes an id instead of about a hundred for a set of strings (measured at a
 * million ids), so a pass over a million files holds ~18 MB. Two distinct ids share a fingerprint with probability
 * about n²/2⁶⁵ (3·10⁻⁸ for a million ids); such a pair would be taken for one id (the second file reported as a
 * duplicate, or an article whose file is gone kept until the next pass). Not thread-safe: one pass uses it from one
 * thread.
 */
final class SeenIds {

    private final LongHashSet fingerprints = new LongHashSet();
    private final MessageDigest sha256;

    SeenIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Records {@code id}; false when it was seen already. */
    boolean add(String id) {
        return fingerprints.add(fingerprint(id));
    }

    void remove(String id) {
        fingerprints.remove(fingerprint(id));
    }

    boolean contains(String id) {
        return fingerprints.contains(fingerprint(id));
    }

    int size() {
        return fingerprints.size();
    }

    private long fingerprint(String id) {
        return ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
