package io.footnote.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The documents listing's query parameters: the page size, and the cursor, an opaque token for the id to
 * continue after (base64url, so ids with any characters travel in a URL). Bad values are a 400 problem.
 */
final class ListingCursor {

    private ListingCursor() {
    }

    static String encode(String afterId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(afterId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor continues after; empty for no cursor. */
    static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor.strip());
            String id = new String(raw, StandardCharsets.UTF_8);
            if (id.isEmpty() || !encode(id).equals(cursor.strip())) {
                throw new IllegalArgumentException("not a cursor");
            }
            return Optional.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad cursor",
                    "cursor must be the X-Next-Cursor value of a previous page, not '" + cursor + "'");
        }
    }

    /** The page size asked for, {@code fallback} when absent. */
    static int limit(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new ApiProblem(400, "Bad limit", "limit must be a whole number from 1 to " + max + ", not '" + limit + "'");
    }
}
