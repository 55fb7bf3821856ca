package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded, seeded fuzz of the GraphQL and metadata endpoints: bodies made from valid ones by
 * truncation, random bytes, deep nesting, values of the wrong type, and broken query text. Every
 * answer is JSON in Hasura's envelope, never a 5xx, and the metadata is unchanged.
 */
class MalformedRequestsFuzzTest {
    private static final long SEED = 14;
    private static final int BODIES_PER_ENDPOINT = 400;
    private static final List<String> GRAPHQL = List.of(
            "{\"query\": \"{ orders(where: {id: {_eq: 1}}, limit: 2, order_by: {id: asc}) { id status customer { name } } }\"}",
            "{\"query\": \"query q($id: Int!) { orders_by_pk(id: $id) { id items { quantity } } }\", \"variables\": {\"id\": 1}, \"operationName\": \"q\"}",
            "{\"query\": \"query { ...f } fragment f on query_root { customers(limit: 1) { id email } }\"}",
            "[{\"query\": \"{ products { id price tags } }\"}, {\"query\": \"{ orders_aggregate { aggregate { count } } }\"}]",
            "{\"query\": \"{ __schema { queryType { name } } __typename }\"}");
    private static final List<String> METADATA = List.of(
            "{\"type\": \"pg_track_table\", \"args\": {\"source\": \"default\", \"table\": {\"schema\": \"public\", \"name\": \"nope\"}}}",
            "{\"type\": \"pg_create_object_relationship\", \"args\": {\"table\": \"nope\", \"name\": \"r\", \"using\": {\"foreign_key_constraint_on\": \"x\"}}}",
            "{\"type\": \"pg_create_select_permission\", \"args\": {\"table\": \"nope\", \"role\": \"user\", \"permission\": {\"columns\": \"*\", \"filter\": {}}}}",
            "{\"type\": \"bulk\", \"args\": [{\"type\": \"pg_untrack_table\", \"args\": {\"table\": \"nope\"}}, {\"type\": \"export_metadata\", \"args\": {}}]}",
            "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"r\", \"definition\": {\"url\": \"http://127.0.0.1:1/graphql\", \"timeout_seconds\": 1}}}",
            "{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
    private static final String[] QUERY_PIECES = {"{", "}", "(", ")", "[", "]", "...", "...f", "$", "$v", ":", "@skip",
            "@include(if: true)", "fragment f on orders { ...f }", "on", "\\\"", "orders", "nope", "__typename", "1e999",
            "-", "#", "\\u0000", "query", "mutation", "subscription", ",", "!", "=", "|", "&"};

    static EngineFixture engine;
    final Random random = new Random(SEED);

    @BeforeAll
    static void start() {
        engine = Shop.start("fuzz");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void malformedGraphqlAndMetadataBodiesAnswerJsonErrorsAndChangeNoMetadata() {
        JsonNode before = engine.exportWithVersion();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            String body = mutate(GRAPHQL.get(i % GRAPHQL.size()), i);
            check("/v1/graphql", body, engine.http.post("/v1/graphql", body), failures);
            String metadata = mutate(METADATA.get(i % METADATA.size()), i);
            check("/v1/metadata", metadata, engine.http.post("/v1/metadata", metadata), failures);
        }
        assertThat(failures).as("answers that are not JSON errors in Hasura's envelope").isEmpty();
        assertThat(engine.exportWithVersion()).isEqualTo(before);
    }

    private String mutate(String seed, int i) {
        return switch (i % 7) {
            case 0 -> seed.substring(0, random.nextInt(seed.length()));
            case 1 -> randomBytes(seed);
            case 2 -> nested(random.nextInt(3000) + 1);
            case 3 -> wrongType(seed);
            case 4 -> seed.startsWith("{\"query\"") ? brokenQuery(seed) : wrongType(seed);
            case 5 -> seed.startsWith("{\"query\"") ? deepQuery(random.nextInt(200) + 26) : wrongType(wrongType(seed));
            default -> randomText(random.nextInt(200));
        };
    }

    private String randomBytes(String seed) {
        StringBuilder out = new StringBuilder(seed);
        for (int n = random.nextInt(4) + 1; n > 0; n--) {
            out.setCharAt(random.nextInt(out.length()), (char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
        }
        return out.toString();
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(0x7f - 0x20) + 0x20));
        }
        return out.toString();
    }

    private String nested(int depth) {
        return switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "{\"type\": \"bulk\", \"args\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        };
    }

    /** The seed with one of its values replaced by a value of another kind. */
    private String wrongType(String seed) {
        JsonNode root;
        try {
            root = Json.parse(seed);
        } catch (RuntimeException e) {
            return seed;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue();
        if (container instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), value);
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value);
        }
        return Json.write(root);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(8)) {
            case 0 -> Json.NODES.nullNode();
            case 1 -> Json.NODES.numberNode(random.nextInt() * 1e300);
            case 2 -> Json.NODES.booleanNode(random.nextBoolean());
            case 3 -> Json.array().add(1).add("x");
            case 4 -> Json.object().put("", Json.NODES.nullNode().asText());
            case 5 -> Json.NODES.textNode("");
            case 6 -> Json.NODES.textNode(randomText(random.nextInt(40)));
            default -> Json.NODES.numberNode(Long.MIN_VALUE);
        };
    }

    /** The seed's query text with pieces of GraphQL syntax inserted or cut. */
    private String brokenQuery(String seed) {
        ObjectNode body = (ObjectNode) Json.parse(seed);
        StringBuilder query = new StringBuilder(body.get("query").asText());
        for (int n = random.nextInt(3) + 1; n > 0; n--) {
            int at = random.nextInt(query.length());
            if (random.nextBoolean()) {
                query.insert(at, " " + QUERY_PIECES[random.nextInt(QUERY_PIECES.length)] + " ");
            } else {
                query.delete(at, Math.min(query.length(), at + random.nextInt(6) + 1));
            }
        }
        body.put("query", query.toString());
        return Json.write(body);
    }

    /** A query nested past the depth limit (26 levels of two fields is 52): refused before it runs. */
    private String deepQuery(int depth) {
        String query = switch (random.nextInt(3)) {
            case 0 -> "{ orders { " + "customer { orders { ".repeat(depth) + "id" + " } }".repeat(depth) + " } }";
            case 1 -> "{ orders(where: " + "{_not: ".repeat(depth * 5) + "{id: {_eq: 1}}" + "}".repeat(depth * 5) + ") { id } }";
            default -> "{ ...f0 } " + fragmentChain(depth * 5);
        };
        return Json.write(Json.object().put("query", query));
    }

    private static String fragmentChain(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("fragment f").append(i).append(" on query_root { ...f").append(i + 1).append(" ...f").append(i + 1)
                    .append(" } ");
        }
        return out.append("fragment f").append(length).append(" on query_root { __typename }").toString();
    }

    private static void check(String endpoint, String body, Http.Response response, List<String> failures) {
        String problem = problem(endpoint, response);
        if (problem != null && failures.size() < 20) {
            failures.add(endpoint + " " + problem + ": " + response.status() + " " + abbreviate(response.body())
                    + "\n  for " + abbreviate(body));
        }
    }

    private static String problem(String endpoint, Http.Response response) {
        if (response.status() >= 500) {
            return "a 5xx";
        }
        JsonNode json;
        try {
            json = Json.parse(response.body());
        } catch (RuntimeException e) {
            return "not JSON";
        }
        if (endpoint.equals("/v1/graphql")) {
            return json.isArray() ? null : graphqlProblem(json);
        }
        if (response.status() == 200) {
            return null;
        }
        return json.path("error").isTextual() && json.path("code").isTextual() && json.path("path").isTextual()
                ? javaText(json.path("error").asText()) : "not the metadata error envelope";
    }

    private static String graphqlProblem(JsonNode json) {
        if (json.has("data") && !json.has("errors")) {
            return null;
        }
        JsonNode errors = json.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "neither data nor errors";
        }
        for (JsonNode error : errors) {
            if (!error.path("message").isTextual() || !error.at("/extensions/code").isTextual()) {
                return "not the GraphQL error envelope";
            }
            String java = javaText(error.path("message").asText());
            if (java != null) {
                return java;
            }
        }
        return null;
    }

    /** Text that comes from a Java exception or a parser, not from the engine's own messages. */
    private static String javaText(String message) {
        for (String sign : List.of("Exception", "java.", "com.fasterxml", "Source:", "graphql.", "Validation error (")) {
            if (message.contains(sign)) {
                return "Java text in the message";
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
