package junction.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.MessageService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's last section over HTTP: remote relationship permissions derived from the roles' remote
 * schema permissions. The seed's table {@code order(id, user_id)} and relationship {@code user}
 * (→ {@code user(id: $user_id)}), and {@code messages} (→ {@code messages(where: {author_id: {_eq:
 * $user_id}})}); every role may select {@code order}, {@code user} only its own rows.
 */
class RemoteRelationshipPermissionsTest {
    static final String USER_SDL = "type User { id: Int! name: String } "
            + "type Query { user(id: Int! @preset(value: \"x-hasura-user-id\")): User }";
    static final String MESSAGES_SDL = "type Message { id: Int! text: String! } input IntCompare { _eq: Int } "
            + "input MessageFilter { author_id: IntCompare } "
            + "type Query { messages(where: MessageFilter!, limit: Int @preset(value: 1)): [Message!]! }";

    static GraphqlTestServer users;
    static GraphqlTestServer messages;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start(3);
        messages = MessageService.start();
        engine = EngineFixture.start("remote_rel_perms", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        engine.runSqlOk("create table \"order\" (id int primary key, user_id int); "
                + "insert into \"order\" values (1, 1), (2, 2), (3, null), (4, 1);");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"order\"}}");
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.addRemote("user-remote-schema", users));
        engine.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"messages\", \"definition\": {\"url\": \""
                + messages.url() + "\", \"customization\": {\"root_fields_namespace\": \"msg\", \"type_names\": {\"prefix\": \"M_\"}}}}}");
        engine.metadataOk("""
                {"type": "pg_create_remote_relationship", "args": {"name": "user", "source": "default",
                  "table": {"name": "order", "schema": "public"}, "hasura_fields": ["user_id"],
                  "remote_schema": "user-remote-schema", "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}
                """);
        engine.metadataOk("""
                {"type": "pg_create_remote_relationship", "args": {"name": "messages", "table": "order",
                  "definition": {"to_remote_schema": {"remote_schema": "messages", "lhs_fields": ["user_id"],
                    "remote_field": {"messages": {"arguments": {"where": {"author_id": {"_eq": "$user_id"}}}}}}}}}
                """);
        selectPermission("user", "{\"user_id\": {\"_eq\": \"X-Hasura-User-Id\"}}");
        for (String role : new String[] {"viewer", "nofield", "noinput", "nopermission", "counted"}) {
            selectPermission(role, "{}");
        }
        remotePermission("user-remote-schema", "user", USER_SDL);
        remotePermission("user-remote-schema", "viewer", USER_SDL);
        remotePermission("user-remote-schema", "nofield", "type User { id: Int! } type Query { users(ids: [Int!]): [User] }");
        remotePermission("messages", "user", MESSAGES_SDL);
        remotePermission("messages", "counted", MESSAGES_SDL.replace("@preset(value: 1)", "@preset(value: \"x-hasura-limit\")"));
        remotePermission("messages", "noinput", "type Message { id: Int! } input MessageFilter { kind: String } "
                + "type Query { messages(where: MessageFilter!): [Message!]! }");
    }

    static void selectPermission(String role, String filter) {
        engine.metadataOk("{\"type\": \"pg_create_select_permission\", \"args\": {\"table\": \"order\", \"role\": \"" + role
                + "\", \"permission\": {\"columns\": \"*\", \"filter\": " + filter + "}}}");
    }

    static void remotePermission(String remote, String role, String sdl) {
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add(remote, role, sdl));
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        messages.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        messages.reset();
    }

    static JsonNode as(EngineFixture on, String role, String userId, String query) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-hasura-role", role);
        if (userId != null) {
            headers.put("x-hasura-user-id", userId);
        }
        Http.Response r = on.graphql(query, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static java.util.List<String> orderFields(EngineFixture on, String role) {
        return RemoteSchemaRoleViewTest.names(as(on, role, "1", "{ __type(name: \"order\") { fields { name } } }")
                .at("/data/__type/fields"));
    }

    @Test
    void aPermittedRoleJoinsOnlyItsOwnRowsAndThePresetOnTheJoinedArgumentIsIgnored() {
        JsonNode answer = as(engine, "user", "1", "{ order(order_by: {id: asc}) { id user { id name } } }");
        assertThat(answer.get("data")).isEqualTo(Json.parse("{\"order\": [{\"id\": 1, \"user\": {\"id\": 1, \"name\": \"user1\"}},"
                + " {\"id\": 4, \"user\": {\"id\": 1, \"name\": \"user1\"}}]}"));
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{r0_0:user(id:1){id name}}");

        JsonNode viewer = as(engine, "viewer", "9", "{ order(order_by: {id: asc}) { id user { name } } }");
        assertThat(viewer.get("data")).as("the row's value wins over the role's preset").isEqualTo(Json.parse(
                "{\"order\": [{\"id\": 1, \"user\": {\"name\": \"user1\"}}, {\"id\": 2, \"user\": {\"name\": \"user2\"}},"
                        + " {\"id\": 3, \"user\": null}, {\"id\": 4, \"user\": {\"name\": \"user1\"}}]}"));
    }

    @Test
    void aRoleWhoseSdlLacksTheFieldOrWhoHasNoPermissionDoesNotHaveTheRelationship() {
        for (String role : new String[] {"nofield", "nopermission"}) {
            JsonNode answer = as(engine, role, "1", "{ order { id user { id } } }");
            assertThat(answer.at("/errors/0/message").asText()).as(role).isEqualTo("field 'user' not found in type: 'order'");
            assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
            assertThat(orderFields(engine, role)).as(role).contains("id", "user_id").doesNotContain("user", "messages");
        }
        assertThat(orderFields(engine, "user")).contains("id", "user_id", "user", "messages");
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void aRoleWhoseInputTypeLacksAnInputFieldTheTemplateFillsDoesNotHaveTheRelationship() {
        JsonNode answer = as(engine, "noinput", "1", "{ order { id messages { id } } }");
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("field 'messages' not found in type: 'order'");
        assertThat(orderFields(engine, "noinput")).doesNotContain("messages", "user");
    }

    @Test
    void aPresetOnAnArgumentTheTemplateDoesNotFillIsAppliedAndHidden() {
        JsonNode answer = as(engine, "user", "2", "{ order { id messages { id text } } }");
        assertThat(answer.at("/data/order/0/messages")).isEqualTo(Json.parse("[{\"id\": 2, \"text\": \"m2\"}]"));
        assertThat(messages.lastRequest().query()).isEqualTo("{r0_0:messages(where:{author_id:{_eq:2}},limit:1){id text}}");
        JsonNode args = as(engine, "user", "2", "{ __type(name: \"order\") { fields { name args { name } } } }")
                .at("/data/__type/fields");
        args.forEach(f -> {
            if (f.get("name").asText().equals("messages")) {
                assertThat(f.get("args")).isEqualTo(Json.parse("[]"));
            }
        });
        JsonNode withLimit = as(engine, "user", "2", "{ order { id messages(limit: 5) { id } } }");
        assertThat(withLimit.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        assertThat(engine.gql("{ order(where: {id: {_eq: 2}}) { messages(limit: 2) { id } } }").at("/data/order/0/messages")
                .size()).as("admin keeps the argument").isEqualTo(2);
    }

    @Test
    void theRemoteSchemasCustomizationAppliesOnTopOfTheRolesView() {
        JsonNode answer = as(engine, "user", "1", "{ msg { messages(where: {author_id: {_eq: 1}}) { __typename id } } }");
        assertThat(answer.at("/data/msg/messages")).as(answer.toString())
                .isEqualTo(Json.parse("[{\"__typename\": \"M_Message\", \"id\": 1}]"));
        assertThat(messages.lastRequest().query()).contains("limit:1");
        JsonNode types = as(engine, "user", "1", "{ __schema { types { name } } }").at("/data/__schema/types");
        assertThat(RemoteSchemaRoleViewTest.names(types)).contains("M_Message", "M_MessageFilter", "M_IntCompare", "User")
                .doesNotContain("M_User", "M_Profile", "M_Avatar", "Message");
    }

    @Test
    void aSessionPresetOnAnArgumentTheTemplateDoesNotFillIsSentAsAVariableOfTheJoin() {
        Http.Response r = engine.graphql("{ order(where: {id: {_eq: 1}}) { messages { id } } }",
                Map.of("x-hasura-role", "counted", "x-hasura-limit", "2"));
        assertThat(r.json().at("/data/order/0/messages")).as(r.body()).isEqualTo(Json.parse("[{\"id\": 1}, {\"id\": 6}]"));
        assertThat(messages.lastRequest().query()).isEqualTo("query ($x_hasura_limit_Int:Int!){r0_0:messages(where:"
                + "{author_id:{_eq:1}},limit:$x_hasura_limit_Int){id}}");
        assertThat(messages.lastRequest().body().get("variables")).isEqualTo(Json.parse("{\"x_hasura_limit_Int\": 2}"));
        JsonNode missing = as(engine, "counted", null, "{ order { messages { id } } }");
        assertThat(missing.at("/errors/0/message").asText()).isEqualTo("\"x-hasura-limit\" session variable expected, but not found");
    }

    @Test
    void withPermissionsOffEveryRoleThatSelectsTheTableHasTheRelationship() {
        try (EngineFixture off = EngineFixture.on(engine.databaseUrl, c -> c)) {
            JsonNode answer = as(off, "nopermission", null, "{ order(where: {id: {_eq: 2}}) { user { name } } }");
            assertThat(answer.at("/data/order/0/user/name").asText()).as(answer.toString()).isEqualTo("user2");
            assertThat(orderFields(off, "nofield")).contains("user", "messages");
        }
    }
}
