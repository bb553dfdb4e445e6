package io.footnote.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A set of API keys and the check of a presented one against them. Only SHA-256 digests are kept, and a
 * presented key is compared with every one of them in constant time ({@link MessageDigest#isEqual}), so
 * neither the length nor the prefix of a key can be learned from response times. Blank keys are ignored.
 */
final class ApiKeys {

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = digests;
    }

    static ApiKeys of(Collection<String> keys) {
        return new ApiKeys(keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::sha256).toList());
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /**
     * The position of the key that matches {@code presented}, if one does. Every key is compared, whether or
     * not an earlier one matched, so the time taken does not depend on which key matched.
     */
    OptionalInt match(String presented) {
        if (presented == null) {
            return OptionalInt.empty();
        }
        byte[] digest = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), digest) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    /** The credential of an {@code Authorization: Bearer <key>} header (scheme case-insensitive). */
    static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = value.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
