package junction.remoterel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 2: relationships from a remote schema's type to another remote schema
 * ({@code to_remote_schema}): one request per remote schema and level, whatever the number of
 * objects, through the target's customization (namespace, type prefix), nested both ways.
 */
class RemoteToRemoteTest {
    static EngineFixture junction;
    static GraphqlTestServer users;
    static GraphqlTestServer messages;

    @BeforeAll
    static void start() {
        users = UserService.start(5);
        messages = MessageService.start();
        junction = EngineFixture.start("remote_to_remote");
        junction.metadataOk("""
                {"type": "bulk", "args": [
                  {"type": "add_remote_schema", "args": {"name": "users", "definition": {"url": "%s", "timeout_seconds": 5}}},
                  {"type": "add_remote_schema", "args": {"name": "messages", "definition": {"url": "%s", "timeout_seconds": 5,
                    "customization": {"root_fields_namespace": "msg", "type_names": {"prefix": "M_"}}}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User",
                    "name": "messages", "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["id"],
                      "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$id"}}}}}}}}},
                  {"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "messages", "type_name": "Message",
                    "name": "author", "definition": {"to_remote_schema": {"remote_schema": "users", "lhs_fields": ["author_id"],
                      "remote_field": {"user": {"arguments": {"id": "$author_id"}}}}}}}
                ]}
                """.formatted(users.url(), messages.url()));
    }

    @AfterAll
    static void stop() {
        junction.close();
        users.close();
        messages.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        messages.reset();
    }

    @Test
    void eachLevelIsOneRequestPerRemoteSchema() {
        JsonNode answer = junction.gql("{ users(ids: [1, 2]) { name messages(limit: 1) { text author { email } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"users\":["
                + "{\"name\":\"user1\",\"messages\":[{\"text\":\"m1\",\"author\":{\"email\":\"user1@example.com\"}}]},"
                + "{\"name\":\"user2\",\"messages\":[{\"text\":\"m2\",\"author\":{\"email\":\"user2@example.com\"}}]}]}}");
        assertThat(users.requestCount()).isEqualTo(2);
        assertThat(messages.requestCount()).isEqualTo(1);
        assertThat(messages.lastRequest().query()).contains("_jr_Message_author_id:author_id").doesNotContain("author{");
    }

    @Test
    void aNamespacedRemoteJoinsToAnotherRemote() {
        JsonNode answer = junction.gql("{ msg { messages(where: {kind: \"chat\"}, limit: 2) { id author { name } } } }");

        assertThat(answer.toString()).isEqualTo("{\"data\":{\"msg\":{\"messages\":[{\"id\":2,\"author\":{\"name\":\"user2\"}},"
                + "{\"id\":4,\"author\":{\"name\":\"user4\"}}]}}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(messages.requestCount()).isEqualTo(1);
    }

    @Test
    void aRemoteSchemaAnotherOnesRelationshipUsesCannotBeRemoved() {
        junction.refused("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"messages\"}}")
                .expect(400, "dependency-error", "$.args", "cannot drop due to the following dependent objects : "
                        + "remote_relationship messages on type User in remote schema users");
    }

    @Test
    void theRelationshipsTypeIsTheTargetsCustomizedType() {
        JsonNode fields = junction.gql("{ __type(name: \"User\") { fields { name type { name ofType { name ofType { kind ofType { name } } } } "
                + "args { name type { name ofType { name } } } } } }").at("/data/__type/fields");
        JsonNode rel = null;
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals("messages")) {
                rel = field;
            }
        }
        assertThat(rel).isNotNull();
        assertThat(rel.at("/type/ofType/ofType/ofType/name").asText()).isEqualTo("M_Message");
        java.util.List<String> args = new java.util.ArrayList<>();
        rel.get("args").forEach(a -> args.add(a.get("name").asText()));
        assertThat(args).containsExactly("limit", "where");
    }
}
