package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.server.ServerConfig;
import junction.test.EngineFixture;
import junction.test.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1beta1/relay}: the Relay schema (Node, {@code node(id:)}, {@code T_connection} with
 * {@code edges}/{@code pageInfo}, {@code first/last/after/before}) over the blog, with the same auth,
 * permissions and error envelope as {@code /v1/graphql}, and no remote schemas or remote relationships.
 */
class RelayTest {
    static EngineFixture f;
    static junction.test.remote.GraphqlTestServer people;

    static final Map<String, String> PERMISSIONS = Map.of(
            "users", """
                [{"role": "user", "permission": {"columns": ["id", "name"], "filter": {}}}]
                """,
            "articles", """
                [{"role": "user", "permission": {"columns": ["id", "author_id", "title", "published"],
                    "filter": {"published": {"_eq": true}}}}]
                """);

    @BeforeAll
    static void start() {
        people = junction.test.remote.MessageService.start();
        f = Blog.start("relay");
        f.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"people\", \"definition\": {\"url\": \""
                + people.url() + "\"}}}");
        f.metadataOk("""
            {"type": "pg_create_remote_relationship", "args": {"name": "writer", "table": "articles",
              "hasura_fields": ["author_id"], "remote_schema": "people",
              "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}
            """);
        Blog.selectPermissions(f, PERMISSIONS);
    }

    @AfterAll
    static void stop() {
        f.close();
        people.close();
    }

    static JsonNode relay(String query) {
        return relay(Map.of(), query, null);
    }

    static JsonNode relay(Map<String, String> headers, String query, String variables) {
        var body = Json.object().put("query", query);
        if (variables != null) {
            body.set("variables", Json.parse(variables));
        }
        Http.Response r = f.http.post("/v1beta1/relay", Json.write(body), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode asUser(String query) {
        return relay(Map.of("x-hasura-role", "user"), query, null);
    }

    static JsonNode data(JsonNode answer) {
        assertThat(answer.has("errors")).as("errors: %s", answer).isFalse();
        return answer.get("data");
    }

    static void assertError(JsonNode answer, String code, String message) {
        assertThat(answer.has("data")).as("%s", answer).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(answer.at("/errors/0/message").asText()).as("%s", answer).isEqualTo(message);
    }

    static List<Integer> titles(JsonNode connection) {
        List<Integer> ids = new ArrayList<>();
        connection.get("edges").forEach(e -> ids.add(Integer.parseInt(decode(e.at("/node/id").asText()).get(3).asText())));
        return ids;
    }

    static JsonNode decode(String base64) {
        return Json.parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }

    static final String PAGE = """
        query ($first: Int, $last: Int, $after: String, $before: String) {
          articles_connection(first: $first, last: $last, after: $after, before: $before) {
            edges { cursor node { id title } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    static JsonNode page(String variables) {
        return data(relay(Map.of(), PAGE, variables)).get("articles_connection");
    }

    @Test
    void forwardPaginationWalksThePagesWithTheEndCursor() {
        JsonNode first = page("{\"first\": 2}");
        assertThat(titles(first)).containsExactly(1, 2);
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(first.at("/pageInfo/hasPreviousPage").asBoolean()).isFalse();
        JsonNode second = page("{\"first\": 2, \"after\": \"" + first.at("/pageInfo/endCursor").asText() + "\"}");
        assertThat(titles(second)).containsExactly(3, 4);
        assertThat(second.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
        JsonNode third = page("{\"first\": 2, \"after\": \"" + second.at("/pageInfo/endCursor").asText() + "\"}");
        assertThat(titles(third)).containsExactly(5);
        assertThat(third.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(third.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
    }

    @Test
    void backwardPaginationWalksThePagesWithTheStartCursor() {
        JsonNode last = page("{\"last\": 2}");
        assertThat(titles(last)).containsExactly(4, 5);
        assertThat(last.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(last.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
        JsonNode before = page("{\"last\": 2, \"before\": \"" + last.at("/pageInfo/startCursor").asText() + "\"}");
        assertThat(titles(before)).containsExactly(2, 3);
        assertThat(before.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        JsonNode start = page("{\"last\": 2, \"before\": \"" + before.at("/pageInfo/startCursor").asText() + "\"}");
        assertThat(titles(start)).containsExactly(1);
        assertThat(start.at("/pageInfo/hasPreviousPage").asBoolean()).isFalse();
    }

    @Test
    void aCursorIsHasurasBase64OfTheOrderValuesAndRoundTrips() {
        JsonNode all = page("{}");
        assertThat(titles(all)).containsExactly(1, 2, 3, 4, 5);
        JsonNode edge = all.get("edges").get(1);
        assertThat(new String(Base64.getDecoder().decode(edge.get("cursor").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\" : 2}");
        assertThat(all.at("/pageInfo/startCursor").asText()).isEqualTo(all.at("/edges/0/cursor").asText());
        assertThat(all.at("/pageInfo/endCursor").asText()).isEqualTo(all.at("/edges/4/cursor").asText());
        assertThat(titles(page("{\"after\": \"" + edge.get("cursor").asText() + "\"}"))).containsExactly(3, 4, 5);
        assertThat(titles(page("{\"before\": \"" + edge.get("cursor").asText() + "\"}"))).containsExactly(1);
        assertThat(titles(page("{\"after\": null, \"first\": null}"))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aCursorFollowsTheOrderByWithThePrimaryKeyAppended() {
        String query = """
            query ($after: String) { articles_connection(first: 2, after: $after, order_by: {published: desc}) {
              edges { cursor node { title published } } pageInfo { endCursor hasNextPage } } }
            """;
        JsonNode first = data(relay(Map.of(), query, "{}")).get("articles_connection");
        assertThat(first.at("/edges/0/node/title").asText()).isEqualTo("A1");
        assertThat(first.at("/edges/1/node/title").asText()).isEqualTo("B1");
        assertThat(new String(Base64.getDecoder().decode(first.at("/edges/0/cursor").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"published\" : true, \"id\" : 1}");
        JsonNode next = data(relay(Map.of(), query, "{\"after\": \"" + first.at("/pageInfo/endCursor").asText() + "\"}"))
                .get("articles_connection");
        assertThat(next.get("edges")).extracting(e -> e.at("/node/title").asText()).containsExactly("C2", "A2");
        assertThat(next.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void aMalformedCursorOrBothDirectionsAreRefusedAsHasuraDoes() {
        assertError(relay("{ articles_connection(after: \"bm90IGpzb24=\") { edges { cursor } } }"), "validation-failed",
                "the \"after\" or \"before\" cursor is invalid");
        assertError(relay("{ articles_connection(first: 1, last: 1) { edges { cursor } } }"), "validation-failed",
                "\"first\" and \"last\" are not allowed at once");
        String cursor = Base64.getEncoder().encodeToString("{\"id\" : 1}".getBytes(StandardCharsets.UTF_8));
        assertError(relay("{ articles_connection(after: \"" + cursor + "\", before: \"" + cursor + "\") { edges { cursor } } }"),
                "validation-failed", "\"after\" and \"before\" are not allowed at once");
    }

    @Test
    void aMalformedCursorInAVariableIsRefusedEvenWhenThePlanIsCached() {
        String query = "query ($c: String) { users_connection(after: $c) { edges { cursor } } }";
        String good = Base64.getEncoder().encodeToString("{\"id\" : 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(data(relay(Map.of(), query, "{\"c\": \"" + good + "\"}")).at("/users_connection/edges")).hasSize(2);
        JsonNode bad = relay(Map.of(), query, "{\"c\": \"%%%\"}");
        assertError(bad, "validation-failed", "the \"after\" or \"before\" cursor is invalid");
        assertThat(bad.at("/errors/0/extensions/path").asText()).isEqualTo("$.selectionSet.users_connection.args");
        String both = "query ($a: String, $b: String) { users_connection(after: $a, before: $b) { edges { cursor } } }";
        assertThat(data(relay(Map.of(), both, "{\"a\": \"" + good + "\"}")).at("/users_connection/edges")).hasSize(2);
        assertError(relay(Map.of(), both, "{\"a\": \"" + good + "\", \"b\": \"" + good + "\"}"), "validation-failed",
                "\"after\" and \"before\" are not allowed at once");
    }

    @Test
    void aGlobalIdIsHasurasVersionOneIdAndNodeReturnsItsRow() {
        JsonNode edge = data(relay("{ users_connection(first: 1) { edges { node { id name } } } }"))
                .at("/users_connection/edges/0/node");
        String id = edge.get("id").asText();
        assertThat(new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8)).isEqualTo("[1, \"public\", \"users\", 1]");
        JsonNode node = data(relay(Map.of(), """
            query ($id: ID!) { node(id: $id) { __typename id ... on users { name } ...named } }
            fragment named on Node { id }
            """, "{\"id\": \"" + id + "\"}")).get("node");
        assertThat(node).isEqualTo(Json.parse("{\"__typename\": \"users\", \"id\": \"" + id + "\", \"name\": \"Ann\"}"));
        String missing = Base64.getEncoder().encodeToString("[1, \"public\", \"users\", 99]".getBytes(StandardCharsets.UTF_8));
        assertThat(data(relay("{ node(id: \"" + missing + "\") { id } }")).get("node").isNull()).isTrue();
    }

    @Test
    void anInvalidGlobalIdIsRefusedWithHasurasMessage() {
        String orgs = Base64.getEncoder().encodeToString("[1, \"public\", \"nope\", 1]".getBytes(StandardCharsets.UTF_8));
        JsonNode answer = relay("{ node(id: \"" + orgs + "\") { id } }");
        assertError(answer, "validation-failed", "invalid node id: no such table found: \"nope\"");
        assertThat(answer.at("/errors/0/extensions/path").asText()).isEqualTo("$.selectionSet.node.args.id");
        String v2 = Base64.getEncoder().encodeToString("[2, \"public\", \"users\", 1]".getBytes(StandardCharsets.UTF_8));
        assertError(relay("{ node(id: \"" + v2 + "\") { id } }"), "validation-failed", "invalid node id: Error in $: unsupported GUID version: 2");
    }

    @Test
    void aRoleSeesOnlyItsRowsColumnsAndTables() {
        JsonNode articles = data(asUser("{ articles_connection { edges { node { title } } } }")).get("articles_connection");
        assertThat(articles.get("edges")).extracting(e -> e.at("/node/title").asText()).containsExactly("A1", "B1", "C2");
        assertError(asUser("{ articles_connection { edges { node { secret } } } }"), "validation-failed",
                "field 'secret' not found in type: 'articles'");
        assertError(asUser("{ orgs_connection { edges { cursor } } }"), "validation-failed",
                "field 'orgs_connection' not found in type: 'query_root'");
        String hidden = Base64.getEncoder().encodeToString("[1, \"public\", \"articles\", 2]".getBytes(StandardCharsets.UTF_8));
        assertThat(data(asUser("{ node(id: \"" + hidden + "\") { id } }")).get("node").isNull()).isTrue();
        String org = Base64.getEncoder().encodeToString("[1, \"public\", \"orgs\", 1]".getBytes(StandardCharsets.UTF_8));
        assertError(asUser("{ node(id: \"" + org + "\") { id } }"), "validation-failed",
                "invalid node id: no such table found: \"orgs\"");
    }

    @Test
    void severalConnectionsAndNodesAnswerInOneRequest() {
        String user = Base64.getEncoder().encodeToString("[1, \"public\", \"users\", 3]".getBytes(StandardCharsets.UTF_8));
        JsonNode answer = data(relay("{ a: articles_connection(first: 1, order_by: {id: desc}) { edges { node { title } } }"
                + " u: users_connection(last: 1) { edges { node { name } } pageInfo { hasPreviousPage } }"
                + " n: node(id: \"" + user + "\") { ... on users { name } } }"));
        assertThat(answer).isEqualTo(Json.parse("""
            {"a": {"edges": [{"node": {"title": "C2"}}]},
             "u": {"edges": [{"node": {"name": "Cy"}}], "pageInfo": {"hasPreviousPage": true}},
             "n": {"name": "Cy"}}
            """));
    }

    @Test
    void aRoleWithoutTablesStillHasNode() {
        JsonNode answer = relay(Map.of("x-hasura-role", "nobody"), "{ __typename __type(name: \"Node\") { name } }", null);
        assertThat(data(answer)).isEqualTo(Json.parse("{\"__typename\": \"query_root\", \"__type\": {\"name\": \"Node\"}}"));
        String user = Base64.getEncoder().encodeToString("[1, \"public\", \"users\", 1]".getBytes(StandardCharsets.UTF_8));
        assertError(relay(Map.of("x-hasura-role", "nobody"), "{ node(id: \"" + user + "\") { id } }", null),
                "validation-failed", "invalid node id: no such table found: \"users\"");
    }

    @Test
    void aFragmentOnAnotherTableSelectsNothingFromTheNode() {
        String user = Base64.getEncoder().encodeToString("[1, \"public\", \"users\", 2]".getBytes(StandardCharsets.UTF_8));
        assertThat(data(relay("{ node(id: \"" + user + "\") { ... on articles { title } ... on users { name } } }")).get("node"))
                .isEqualTo(Json.parse("{\"name\": \"Bo\"}"));
    }

    @Test
    void arrayRelationshipsAreConnectionsToo() {
        JsonNode users = data(asUser("""
            { users_connection(first: 1) { edges { node { name
                articles_connection(first: 1) { edges { node { title } } pageInfo { hasNextPage } } } } } }
            """)).at("/users_connection/edges/0/node");
        assertThat(users.at("/articles_connection/edges/0/node/title").asText()).isEqualTo("A1");
        assertThat(users.at("/articles_connection/pageInfo/hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void introspectionShowsTheNodeInterfaceAndOnlyRelayRootFields() {
        JsonNode schema = data(relay("""
            { node: __type(name: "Node") { kind possibleTypes { name } }
              users: __type(name: "users") { interfaces { name } fields { name type { kind ofType { name } } } }
              __schema { queryType { fields { name } } } }
            """));
        assertThat(schema.at("/node/kind").asText()).isEqualTo("INTERFACE");
        assertThat(schema.at("/node/possibleTypes")).extracting(t -> t.get("name").asText())
                .contains("articles", "comments", "orgs", "users");
        assertThat(schema.at("/users/interfaces/0/name").asText()).isEqualTo("Node");
        assertThat(schema.at("/users/fields")).anySatisfy(field -> {
            assertThat(field.get("name").asText()).isEqualTo("id");
            assertThat(field.at("/type/ofType/name").asText()).isEqualTo("ID");
        });
        assertThat(schema.at("/__schema/queryType/fields")).extracting(t -> t.get("name").asText())
                .containsExactly("articles_connection", "comments_connection", "node", "orgs_connection", "users_connection");
    }

    @Test
    void remoteSchemasAndRemoteRelationshipsAreNotInTheRelaySchema() {
        JsonNode viaGraphql = f.gql("{ articles(limit: 1) { writer { name } } }");
        assertThat(viaGraphql.has("errors")).as("%s", viaGraphql).isFalse();
        assertError(relay("{ articles_connection { edges { node { writer { name } } } } }"), "validation-failed",
                "field 'writer' not found in type: 'articles'");
        assertError(relay("{ user(id: 1) { name } }"), "validation-failed", "field 'user' not found in type: 'query_root'");
    }

    @Test
    void mutationsAnswerWithGlobalIds() {
        JsonNode inserted = data(relay("""
            mutation { insert_orgs_one(object: {id: 9, name: "Relay"}) { id name } }
            """)).get("insert_orgs_one");
        assertThat(new String(Base64.getDecoder().decode(inserted.get("id").asText()), StandardCharsets.UTF_8))
                .isEqualTo("[1, \"public\", \"orgs\", 9]");
        f.runSqlOk("delete from orgs where id = 9");
    }

    @Test
    void theRelayEndpointIsPartOfTheGraphqlApi() {
        try (EngineFixture metadataOnly = EngineFixture.on(f.databaseUrl,
                c -> c.toBuilder().enabledApis(EnumSet.of(ServerConfig.Api.METADATA)).build())) {
            Http.Response r = metadataOnly.http.post("/v1beta1/relay", "{\"query\": \"{ __typename }\"}", new HashMap<>());
            assertThat(r.status()).isEqualTo(404);
        }
    }

    @Test
    void aSetReturningFunctionIsAConnectionWithItsArgs() {
        f.runSqlOk("create function articles_titled(prefix text) returns setof articles language sql stable"
                + " as $$ select * from articles where title like prefix || '%' $$");
        f.metadataOk("{\"type\": \"pg_track_function\", \"args\": {\"function\": \"articles_titled\"}}");
        try {
            String query = """
                query ($after: String) {
                  articles_titled_connection(args: {prefix: "A"}, first: 1, after: $after, order_by: {id: desc}) {
                    edges { cursor node { title } } pageInfo { hasNextPage } } }""";
            JsonNode first = data(relay(Map.of(), query, "{}")).get("articles_titled_connection");
            assertThat(first.at("/edges/0/node/title").asText()).isEqualTo("A2");
            assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
            JsonNode next = data(relay(Map.of(), query, "{\"after\": \"" + first.at("/edges/0/cursor").asText() + "\"}"))
                    .get("articles_titled_connection");
            assertThat(next.get("edges")).hasSize(1);
            assertThat(next.at("/edges/0/node/title").asText()).isEqualTo("A1");
            assertThat(next.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
            // the role's select permission on the return table applies (published articles only)
            assertThat(data(asUser("{ articles_titled_connection(args: {prefix: \"A\"}) { edges { node { title } } } }"))
                    .at("/articles_titled_connection/edges").toString()).isEqualTo("[{\"node\":{\"title\":\"A1\"}}]");
            // the Relay schema has the connection only; /v1/graphql the plain root fields
            assertError(relay("{ articles_titled(args: {prefix: \"A\"}) { title } }"), "validation-failed",
                    "field 'articles_titled' not found in type: 'query_root'");
            assertThat(f.gql("{ articles_titled(args: {prefix: \"B\"}) { title } }").toString())
                    .isEqualTo("{\"data\":{\"articles_titled\":[{\"title\":\"B1\"}]}}");
        } finally {
            f.metadataOk("{\"type\": \"pg_untrack_function\", \"args\": {\"function\": \"articles_titled\"}}");
            f.runSqlOk("drop function articles_titled");
        }
    }

    @Test
    void aNodeIdVariableServesEveryIdOfItsTable() {
        String query = "query ($id: ID!) { node(id: $id) { __typename ... on articles { title } ... on users { name } } }";
        List<String> titles = new ArrayList<>();
        for (int pk = 1; pk <= 3; pk++) {
            String id = Base64.getEncoder().encodeToString(("[1, \"public\", \"articles\", " + pk + "]").getBytes(StandardCharsets.UTF_8));
            titles.add(data(relay(Map.of(), query, "{\"id\": \"" + id + "\"}")).at("/node/title").asText());
        }
        assertThat(titles).containsExactly("A1", "A2", "B1");
        String user = Base64.getEncoder().encodeToString("[1, \"public\", \"users\", 3]".getBytes(StandardCharsets.UTF_8));
        assertThat(data(relay(Map.of(), query, "{\"id\": \"" + user + "\"}")).at("/node").toString())
                .isEqualTo("{\"__typename\":\"users\",\"name\":\"Cy\"}");
        String missing = Base64.getEncoder().encodeToString("[1, \"public\", \"articles\", 99]".getBytes(StandardCharsets.UTF_8));
        assertThat(data(relay(Map.of(), query, "{\"id\": \"" + missing + "\"}")).get("node").isNull()).isTrue();
        String tooMany = Base64.getEncoder().encodeToString("[1, \"public\", \"articles\", 1, 2]".getBytes(StandardCharsets.UTF_8));
        assertError(relay(Map.of(), query, "{\"id\": \"" + tooMany + "\"}"), "validation-failed",
                "invalid node id: unexpected column values [2]");
        // the role's permission still applies through a shared plan: article 2 is not published
        String draft = Base64.getEncoder().encodeToString("[1, \"public\", \"articles\", 2]".getBytes(StandardCharsets.UTF_8));
        JsonNode asUser = relay(Map.of("x-hasura-role", "user"), query, "{\"id\": \"" + draft + "\"}");
        assertThat(data(asUser).get("node").isNull()).isTrue();
    }
}
