package junction.remoterel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import junction.json.Json;
import junction.observe.LogLevel;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 2: relationships from a remote schema's type to tables ({@code to_source}). The
 * remote root field is sent with the join fields added under hidden aliases and the relationship
 * left out; then ONE statement per relationship and level joins every object of the answer, under
 * the role's select permission; mixed with table → remote relationships at any depth.
 */
class RemoteToTableTest {
    static final LogSink LOG = new LogSink();
    static EngineFixture junction;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start(5);
        junction = EngineFixture.start("remote_to_table", c -> c.withLog(LOG, Set.of("query-log"), LogLevel.INFO));
        junction.runSqlOk("""
                create table orders (id int primary key, user_id int not null, item text not null);
                insert into orders values (1, 1, 'book'), (2, 1, 'pen'), (3, 2, 'cup'), (4, 3, 'hat');
                create table profiles (user_id int primary key, bio text);
                insert into profiles values (1, 'first'), (2, 'second');
                """);
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "orders"}},
                  {"type": "pg_track_table", "args": {"table": "profiles"}},
                  {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                    "name": "orders", "definition": {"to_source": {"source": "default", "table": "orders",
                      "relationship_type": "array", "field_mapping": {"id": "user_id"}}}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                    "name": "profile", "definition": {"to_source": {"source": "default", "table": "profiles",
                      "relationship_type": "object", "field_mapping": {"id": "user_id"}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "buyer",
                    "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["user_id"],
                      "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}},
                  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "user", "permission": {
                    "columns": ["id", "item"], "filter": {"user_id": {"_eq": "X-Hasura-User-Id"}}}}}
                ]}
                """.formatted(users.url()));
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
    }

    private static JsonNode query(String id, String query, Map<String, String> headers) {
        Http.Response r = junction.http.post("/v1/graphql", Json.write(Json.object().put("query", query)),
                new java.util.HashMap<>(Map.of("x-request-id", id)) {{ putAll(headers); }});
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static int statements(String id) throws InterruptedException {
        return LOG.queryLog(id).at("/generated_sql/remote_relationships").size();
    }

    @Test
    void aRemoteListJoinsEveryObjectWithOneStatementPerRelationship() throws InterruptedException {
        JsonNode answer = query("to-table-1", "{ users(ids: [1, 2, 3, 9]) { orders(order_by: {id: asc}) { id item } name "
                + "profile { bio } } }", Map.of());

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"users\":["
                + "{\"orders\":[{\"id\":1,\"item\":\"book\"},{\"id\":2,\"item\":\"pen\"}],\"name\":\"user1\",\"profile\":{\"bio\":\"first\"}},"
                + "{\"orders\":[{\"id\":3,\"item\":\"cup\"}],\"name\":\"user2\",\"profile\":{\"bio\":\"second\"}},"
                + "{\"orders\":[{\"id\":4,\"item\":\"hat\"}],\"name\":\"user3\",\"profile\":null},null]}}");
        assertThat(users.requestCount()).isEqualTo(1);
        String sent = users.lastRequest().query();
        assertThat(sent).contains("_jr_User_id:id").doesNotContain("orders").doesNotContain("profile");
        assertThat(statements("to-table-1")).isEqualTo(2);
    }

    @Test
    void theClientsOwnSelectionOfTheJoinFieldStaysAndArgumentsApply() throws InterruptedException {
        JsonNode answer = query("to-table-2", "{ user(id: 1) { id last: orders(order_by: {id: desc}, limit: 1) { item } } }",
                Map.of());

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"user\":{\"id\":1,\"last\":[{\"item\":\"pen\"}]}}}");
        assertThat(statements("to-table-2")).isEqualTo(1);
    }

    @Test
    void fragmentsAndAliasesOfTheRelationshipAreJoined() {
        JsonNode answer = junction.gql("query { a: user(id: 2) { ...U } b: user(id: 3) { ... on User { p: profile { bio } } } } "
                + "fragment U on User { name profile { bio } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"a\":{\"name\":\"user2\",\"profile\":{\"bio\":\"second\"}},"
                + "\"b\":{\"p\":null}}}");
        assertThat(users.requestCount()).isEqualTo(1);
    }

    @Test
    void aRoleGetsOnlyTheRowsItsPermissionAllowsAndNotTheTablesItCannotSelect() {
        Map<String, String> user = Map.of("x-hasura-role", "user", "x-hasura-user-id", "1");
        JsonNode answer = query("to-table-3", "{ users(ids: [1, 2]) { name orders { item } } }", user);

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"users\":[{\"name\":\"user1\",\"orders\":[{\"item\":\"book\"},"
                + "{\"item\":\"pen\"}]},{\"name\":\"user2\",\"orders\":[]}]}}");
        JsonNode hidden = query("to-table-4", "{ user(id: 1) { profile { bio } } }", user);
        assertThat(hidden.at("/errors/0/message").asText()).isEqualTo("field 'profile' not found in type: 'User'");
        JsonNode fields = query("to-table-5", "{ __type(name: \"User\") { fields { name } } }", user);
        assertThat(fields.at("/data/__type/fields").findValuesAsText("name")).containsExactly("id", "name", "email", "orders");
    }

    @Test
    void tableToRemoteToTableToRemoteNests() throws InterruptedException {
        JsonNode answer = query("to-table-6", "{ orders_by_pk(id: 3) { item buyer { name orders { item buyer { email } } } } }",
                Map.of());

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"orders_by_pk\":{\"item\":\"cup\",\"buyer\":{\"name\":\"user2\","
                + "\"orders\":[{\"item\":\"cup\",\"buyer\":{\"email\":\"user2@example.com\"}}]}}}}");
        assertThat(users.requestCount()).isEqualTo(2);
        assertThat(statements("to-table-6")).isEqualTo(1);
    }

    @Test
    void remoteToTableToRemoteNests() {
        JsonNode answer = junction.gql("{ users(ids: [1, 2]) { orders(order_by: {id: asc}) { id buyer { name } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"users\":[{\"orders\":[{\"id\":1,\"buyer\":{\"name\":\"user1\"}},"
                + "{\"id\":2,\"buyer\":{\"name\":\"user1\"}}]},{\"orders\":[{\"id\":3,\"buyer\":{\"name\":\"user2\"}}]}]}}");
        assertThat(users.requestCount()).isEqualTo(2);
    }

    @Test
    void aRemoteMutationsAnswerJoinsToo() {
        JsonNode answer = junction.gql("mutation { createUser(name: \"neo\") { name orders { id } profile { bio } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"createUser\":{\"name\":\"neo\",\"orders\":[],\"profile\":null}}}");
    }

    @Test
    void introspectionShowsTheRelationshipFieldsWithTheirArguments() {
        JsonNode type = junction.gql("{ __type(name: \"User\") { fields { name type { kind name ofType { kind ofType { kind ofType { name } } } } "
                + "args { name } } } }").at("/data/__type/fields");
        JsonNode orders = null;
        JsonNode profile = null;
        for (JsonNode field : type) {
            if (field.get("name").asText().equals("orders")) {
                orders = field;
            }
            if (field.get("name").asText().equals("profile")) {
                profile = field;
            }
        }
        assertThat(orders).isNotNull();
        assertThat(orders.at("/type/kind").asText()).isEqualTo("NON_NULL");
        assertThat(orders.at("/type/ofType/ofType/ofType/name").asText()).isEqualTo("orders");
        assertThat(orders.get("args").findValuesAsText("name")).containsExactly("distinct_on", "limit", "offset", "order_by", "where");
        assertThat(profile.at("/type/name").asText()).isEqualTo("profiles");
    }
}
