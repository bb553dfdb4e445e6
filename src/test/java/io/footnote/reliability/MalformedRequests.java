package io.footnote.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and hostile requests from a seed: broken JSON, wrong types, huge strings, control
 * characters, odd Unicode, deep nesting, wrong or missing content types, odd paths. Reproducible: the same
 * seed gives the same requests, so a failure can be replayed.
 */
final class MalformedRequests {

    /** One request to send. {@code contentType} null = no Content-Type header. */
    record Request(String kind, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return kind + " " + method + " " + path + " [" + contentType + "] " + (body == null ? 0 : body.length)
                    + " bytes: " + shown.replaceAll("\\p{Cntrl}", "·");
        }
    }

    private static final String VALID = "{\"question\":\"How many deportations to China did ICE complete?\","
            + "\"history\":[{\"role\":\"user\",\"content\":\"Who is Mao Ning?\"},"
            + "{\"role\":\"assistant\",\"content\":\"A spokeswoman.\"}],\"topK\":5}";

    private static final String[] ODD_STRINGS = {
            "\u0000", "\u0000\u0001\u0002\u001b[31m", "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b\u200c\u200d\ufeff",
            "\ud83d\ude00\ud83d\udc4d\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "e\u0301\u0301\u0301\u0301\u0301\u0301",
            "\ufffd\ufffe\uffff", "\\ud800", "\\udc00\\ud800", "<script>alert(1)</script>", "'; DROP TABLE x; --",
            "${jndi:ldap://x/a}", "%00%0d%0a", "\r\n\r\nHTTP/1.1 200 OK", "NaN", "[1]", "[99999999999999999999]",
            "\u0130\u0131\u00df\ufb01", "\u3000\u3000", "\ud835\udd73\ud835\udd94\ud835\udd94", "..\\..\\etc\\passwd",
    };

    private MalformedRequests() {
    }

    static List<Request> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Request> out = new ArrayList<>();
        String[] askPaths = {"/api/ask", "/api/ask/stream"};
        while (out.size() < count) {
            String path = askPaths[random.nextInt(askPaths.length)];
            int kind = out.size() % 12;
            out.add(switch (kind) {
                case 0 -> json("truncated JSON", path, VALID.substring(0, 1 + random.nextInt(VALID.length() - 1)));
                case 1 -> json("wrong type: question", path, "{\"question\":" + wrongValue(random) + "}");
                case 2 -> json("wrong type: history", path, "{\"question\":\"Who?\",\"history\":" + wrongValue(random) + "}");
                case 3 -> json("wrong type: turn", path, "{\"question\":\"Who?\",\"history\":[" + wrongTurn(random) + "]}");
                case 4 -> json("wrong type: topK", path, "{\"question\":\"Who?\",\"topK\":" + wrongNumber(random) + "}");
                case 5 -> json("huge string", path, "{\"question\":\"" + "x".repeat(2_001 + random.nextInt(900_000)) + "\"}");
                case 6 -> json("control characters and odd Unicode", path, "{\"question\":\""
                        + escape(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]) + " who is Mao Ning "
                        + escape(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]) + "\"}");
                case 7 -> json("deep nesting", path, nested(random));
                case 8 -> new Request("wrong content type", "POST", path,
                        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")
                                .get(random.nextInt(4)), VALID.getBytes(StandardCharsets.UTF_8));
                case 9 -> new Request("bytes that are not UTF-8", "POST", path, "application/json", randomBytes(random));
                case 10 -> json("odd JSON", path, List.of("", " ", "null", "[]", "\"question\"", "123", "{}",
                        "{\"question\":\"Who?\"}{\"question\":\"Again?\"}", "{\"question\":\"Who?\",}",
                        "\ufeff{\"question\":\"Who?\"}", "{\"question\":1e999999}", "{'question':'Who?'}",
                        "{\"question\":\"Who?\",\"question\":null}", "{\"history\":[]}").get(random.nextInt(14)));
                default -> oddPath(random);
            });
        }
        return out;
    }

    private static Request json(String kind, String path, String body) {
        return new Request(kind, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String wrongValue(Random random) {
        return List.of("12", "true", "null", "[\"a\",\"b\"]", "{\"text\":\"Who?\"}", "-0.5e10", "\"\"", "[[]]")
                .get(random.nextInt(8));
    }

    private static String wrongTurn(Random random) {
        return List.of("\"user: hi\"", "{\"role\":\"wizard\",\"content\":\"hi\"}", "{\"role\":\"user\"}",
                "{\"role\":3,\"content\":[1]}", "{\"content\":{\"a\":1}}", "null", "[]").get(random.nextInt(7));
    }

    private static String wrongNumber(Random random) {
        return List.of("\"five\"", "-1", "0", "2147483648", "99999999999999999999999", "1.5", "null", "[5]", "1e400")
                .get(random.nextInt(9));
    }

    private static String nested(Random random) {
        int depth = 500 + random.nextInt(20_000);
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder("{\"question\":\"Who?\",\"history\":");
        s.append((arrays ? "[" : "{\"a\":").repeat(depth));
        s.append("1");
        s.append((arrays ? "]" : "}").repeat(depth));
        return s.append("}").toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[16 + random.nextInt(2_000)];
        random.nextBytes(b);
        b[0] = '{';
        return b;
    }

    private static Request oddPath(Random random) {
        String[] paths = {"/api/documents/%00", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/" + "a".repeat(5_000),
                "/api/documents/%E2%80%AE%F0%9F%98%80", "/api/ask?topK=-1", "/api/ask/../documents",
                "/api/documents/%ZZ", "/api/ask/stream/extra"};
        String path = paths[random.nextInt(paths.length)];
        return new Request("odd path", random.nextBoolean() ? "GET" : "POST", path, "application/json",
                VALID.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' && !s.startsWith("\\u")) {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
