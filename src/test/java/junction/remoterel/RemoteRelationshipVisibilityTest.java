package junction.remoterel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3: with remote schema permissions enabled, a relationship of a remote type exists
 * for a role only when the role sees both sides — the type and its join fields in its remote schema
 * permission, and the target table through a select permission — and introspection shows it so.
 */
class RemoteRelationshipVisibilityTest {
    static EngineFixture junction;
    static GraphqlTestServer users;
    static GraphqlTestServer messages;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        messages = MessageService.start();
        junction = EngineFixture.start("remote_relationship_visibility", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        junction.runSqlOk("create table orders (id int primary key, user_id int not null);"
                + " insert into orders values (1, 1), (2, 2);");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_track_table", "args": {"table": "orders"}},
                  {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                    "name": "orders", "definition": {"to_source": {"source": "default", "table": "orders",
                      "relationship_type": "array", "field_mapping": {"id": "user_id"}}}}},
                  {"type": "add_remote_schema_permissions", "args": {"remote_schema": "users", "role": "both",
                    "definition": {"schema": "type User { id: Int! name: String }\\ntype Query { user(id: Int!): User }"}}},
                  {"type": "add_remote_schema_permissions", "args": {"remote_schema": "users", "role": "noid",
                    "definition": {"schema": "type User { name: String }\\ntype Query { user(id: Int!): User }"}}},
                  {"type": "add_remote_schema_permissions", "args": {"remote_schema": "users", "role": "remoteonly",
                    "definition": {"schema": "type User { id: Int! name: String }\\ntype Query { user(id: Int!): User }"}}},
                  {"type": "add_remote_schema", "args": {"name": "messages", "definition": {"url": "%s", "timeout_seconds": 5,
                    "customization": {"type_names": {"prefix": "M_"}, "root_fields_namespace": "msg"}}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                    "name": "messages", "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$id"}}}}}}}}},
                  {"type": "add_remote_schema_permissions", "args": {"remote_schema": "messages", "role": "both",
                    "definition": {"schema": "input IntCompare { _eq: Int _in: [Int!] }\\ninput MessageFilter { author_id: IntCompare kind: String ids: [Int!] }\\ntype Message { id: Int! author_id: Int! kind: String! text: String! }\\ntype Query { messages(where: MessageFilter!, limit: Int @preset(value: \\\"x-hasura-limit\\\")): [Message!]! }"}}},
                  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "both", "permission": {
                    "columns": ["id"], "filter": {}}}},
                  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "noid", "permission": {
                    "columns": ["id"], "filter": {}}}},
                  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "tableonly", "permission": {
                    "columns": ["id"], "filter": {}}}}
                ]}
                """.formatted(users.url(), messages.url()));
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        messages.close();
    }

    private static JsonNode as(String role, String query) {
        Http.Response r = junction.http.post("/v1/graphql", Json.write(Json.object().put("query", query)),
                Map.of("x-hasura-role", role));
        return r.json();
    }

    private static List<String> userFields(String role) {
        List<String> out = new ArrayList<>();
        as(role, "{ __type(name: \"User\") { fields { name } } }").at("/data/__type/fields").forEach(f -> out.add(f.get("name").asText()));
        return out;
    }

    @Test
    void aRoleThatSeesBothSidesHasTheField() {
        assertThat(userFields("both")).containsExactly("id", "name", "orders", "messages");
        assertThat(as("both", "{ user(id: 2) { orders { id } } }").toString())
                .isEqualTo("{\"data\":{\"user\":{\"orders\":[{\"id\":2}]}}}");
    }

    @Test
    void theTargetRemotesSessionPresetsOfTheRoleApply() {
        Http.Response r = junction.http.post("/v1/graphql", Json.write(Json.object().put("query",
                "{ user(id: 1) { messages { text } } }")), Map.of("x-hasura-role", "both", "x-hasura-limit", "1"));

        assertThat(r.json().toString()).isEqualTo("{\"data\":{\"user\":{\"messages\":[{\"text\":\"m1\"}]}}}");
        assertThat(messages.lastRequest().query()).contains("limit:");
        assertThat(userFields("noid")).doesNotContain("messages");
    }

    @Test
    void aRoleWithoutTheJoinFieldOrTheTableDoesNot() {
        assertThat(userFields("noid")).containsExactly("name");
        assertThat(userFields("remoteonly")).containsExactly("id", "name");
        assertThat(as("remoteonly", "{ user(id: 1) { orders { id } } }").at("/errors/0/message").asText())
                .isEqualTo("field 'orders' not found in type: 'User'");
        assertThat(as("tableonly", "{ __type(name: \"User\") { name } }").at("/data/__type").isNull()).isTrue();
    }

    @Test
    void adminSeesItAlways() {
        assertThat(junction.gql("{ __type(name: \"User\") { fields { name } } }").at("/data/__type/fields").toString())
                .contains("\"orders\"");
    }
}
