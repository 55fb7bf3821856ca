package junction.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A remote join's call carries the headers Hasura sends to a remote schema (compat spec, section 9):
 * the configured headers, the session variables, and the client's headers when the remote schema
 * forwards them.
 */
class JoinHeadersTest {
    private static EngineFixture junction;
    private static GraphqlTestServer forwarding;
    private static GraphqlTestServer plain;

    @BeforeAll
    static void start() {
        forwarding = UserService.start(3);
        plain = UserService.start(3);
        junction = EngineFixture.start("join_headers");
        junction.runSqlOk("create table notes (id int primary key, user_id int); insert into notes values (1, 1);");
        junction.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"notes\"}}");
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"forwarding\", \"definition\": {\"url\": \""
                + forwarding.url() + "\", \"forward_client_headers\": true, \"headers\": [{\"name\": \"X-Api-Key\", \"value\": \"k\"}]}}}");
        junction.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"plain\", \"definition\": {\"url\": \""
                + plain.url() + "\", \"customization\": {\"root_fields_namespace\": \"plain\", \"type_names\": {\"prefix\": \"P_\"}}}}}");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "pg_create_remote_relationship", "args": {"table": "notes", "name": "author",
                    "definition": {"to_remote_schema": {"remote_schema": "forwarding", "lhs_fields": ["user_id"],
                      "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}},
                  {"type": "pg_create_remote_relationship", "args": {"table": "notes", "name": "writer",
                    "definition": {"to_remote_schema": {"remote_schema": "plain", "lhs_fields": ["user_id"],
                      "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}
                ]}
                """);
    }

    @AfterAll
    static void stop() {
        junction.close();
        forwarding.close();
        plain.close();
    }

    @Test
    void configuredHeadersSessionVariablesAndForwardedClientHeadersReachTheRemote() {
        String answer = junction.graphql("{ notes { author { name } writer { name } } }",
                Map.of("x-hasura-role", "admin", "x-hasura-user-id", "7", "authorization", "Bearer abc")).json().toString();

        assertThat(answer).isEqualTo("{\"data\":{\"notes\":[{\"author\":{\"name\":\"user1\"},\"writer\":{\"name\":\"user1\"}}]}}");
        Map<String, String> sent = forwarding.lastHeaders();
        assertThat(sent).containsEntry("x-api-key", "k").containsEntry("x-hasura-role", "admin")
                .containsEntry("x-hasura-user-id", "7").containsEntry("authorization", "Bearer abc");
        assertThat(plain.lastHeaders()).containsEntry("x-hasura-user-id", "7").doesNotContainKey("authorization");
    }
}
