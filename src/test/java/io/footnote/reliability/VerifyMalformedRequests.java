package io.footnote.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed {@code POST /api/verify} bodies from a seed: broken JSON, wrong types in every field,
 * sources with both or neither of text and documentId, bad sentence ranges, unknown documents, repeated ids,
 * oversized answers and sources, odd Unicode. Reproducible from the seed.
 */
final class VerifyMalformedRequests {

    private static final String PATH = "/api/verify";
    private static final String VALID = "{\"answer\":\"ICE completed 288 deportations to China [1].\",\"sources\":["
            + "{\"id\":\"1\",\"text\":\"U.S. Immigration and Customs Enforcement said it completed just 288 "
            + "deportations back to China.\"},{\"id\":\"2\",\"documentId\":\"001_6e42664aacee9aa1\",\"sentences\":[3,4]}]}";
    private static final String[] WRONG = {"12", "true", "null", "[\"a\"]", "{\"x\":1}", "-0.5e10", "\"\"", "[[]]",
            "1e999999", "\"\\u0000\""};
    private static final String[] RANGES = {"[]", "[1,2,3]", "[-1,2]", "[5,2]", "[0,100000]", "[null]", "[\"a\",1]",
            "[2147483648,1]", "[1.5]", "\"3-4\"", "null", "[0,999]"};

    private VerifyMalformedRequests() {
    }

    static List<MalformedRequests.Request> generate(long seed, int count) {
        Random random = new Random(seed);
        List<MalformedRequests.Request> out = new ArrayList<>();
        while (out.size() < count) {
            int kind = out.size() % 12;
            out.add(switch (kind) {
                case 0 -> json("truncated JSON", VALID.substring(0, 1 + random.nextInt(VALID.length() - 1)));
                case 1 -> json("wrong type: answer", "{\"answer\":" + pick(random, WRONG) + ",\"sources\":[]}");
                case 2 -> json("wrong type: sources", "{\"answer\":\"A [1].\",\"sources\":" + pick(random, WRONG) + "}");
                case 3 -> json("wrong type: source field", "{\"answer\":\"A [1].\",\"sources\":[{\"id\":"
                        + pick(random, WRONG) + ",\"text\":" + pick(random, WRONG) + "}]}");
                case 4 -> json("text and documentId together or neither", random.nextBoolean()
                        ? "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\"1\",\"text\":\"A.\",\"documentId\":\"x\",\"sentences\":[0,0]}]}"
                        : "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\"1\"}]}");
                case 5 -> json("bad sentence range", "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\"1\","
                        + "\"documentId\":\"001_6e42664aacee9aa1\",\"sentences\":" + pick(random, RANGES) + "}]}");
                case 6 -> json("unknown document", "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\"1\",\"documentId\":\""
                        + List.of("nope", "../../etc/passwd", "\\u0000", "a".repeat(3_000)).get(random.nextInt(4))
                        + "\",\"sentences\":[0,0]}]}");
                case 7 -> json("repeated or blank ids", "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\""
                        + (random.nextBoolean() ? "1" : " ") + "\",\"text\":\"A.\"},{\"id\":\"1\",\"text\":\"B.\"}]}");
                case 8 -> json("huge answer or source", random.nextBoolean()
                        ? "{\"answer\":\"" + "x".repeat(20_001 + random.nextInt(400_000)) + "\",\"sources\":[]}"
                        : "{\"answer\":\"A [1].\",\"sources\":[{\"id\":\"1\",\"text\":\""
                        + "word ".repeat(20_001 + random.nextInt(100_000)) + "\"}]}");
                case 9 -> json("too many sources", "{\"answer\":\"A [1].\",\"sources\":["
                        + "{\"id\":\"%d\",\"text\":\"A.\"},".repeat(65 + random.nextInt(100))
                        .formatted(sequence(200)).replaceAll(",$", "") + "]}");
                case 10 -> json("odd JSON", List.of("", " ", "null", "[]", "123", "{}", "{\"answer\":\"A\"}",
                        "{\"sources\":[]}", "{\"answer\":\"A\",\"sources\":[null]}", "{'answer':'A'}",
                        "{\"answer\":\"\\u0000\\u202e [1]\",\"sources\":[{\"id\":\"1\",\"text\":\"\\u200b\"}]}",
                        "{\"answer\":\"A [99999999999999999999].\",\"sources\":[{\"id\":\"1\",\"text\":\"A.\"}]}")
                        .get(random.nextInt(12)));
                default -> new MalformedRequests.Request("wrong content type", "POST", PATH,
                        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                                .get(random.nextInt(3)), VALID.getBytes(StandardCharsets.UTF_8));
            });
        }
        return out;
    }

    private static Object[] sequence(int n) {
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = i + 1;
        }
        return out;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static MalformedRequests.Request json(String kind, String body) {
        return new MalformedRequests.Request(kind, "POST", PATH, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }
}
