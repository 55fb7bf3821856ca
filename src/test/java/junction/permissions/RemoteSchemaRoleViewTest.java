package junction.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a role sees of remote schemas with remote schema permissions enabled, over HTTP: exactly its
 * SDL (in validation and introspection alike), its presets injected when forwarding, and nothing of
 * a remote schema it has no permission for; admin sees everything.
 */
class RemoteSchemaRoleViewTest {
    static final String USER_SDL = """
            type User { id: Int! name: String }
            type Query { user(id: Int! @preset(value: "x-hasura-user-id")): User }
            """;
    static final String FRIEND_SDL = """
            type User { id: Int! name: String email: String }
            type Query { users(ids: [Int!] @preset(value: [1, 2])): [User] }
            type Mutation { createUser(name: String! @preset(value: "x-hasura-user-name", static: true)): User }
            """;
    static final String ZOO_SDL = """
            enum Sound { WOOF MEOW }
            input AnimalFilter { sound: Sound @preset(value: "x-hasura-sound") nameLike: String }
            interface Animal { id: ID! name: String! }
            type Dog implements Animal { id: ID! name: String! }
            type Cat implements Animal { id: ID! name: String! }
            type Query { animals(filter: AnimalFilter): [Animal!]! }
            """;

    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        engine = EngineFixture.start("remote_role_view", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.addRemote("users", users));
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.addRemote("zoo", zoo));
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add("users", "user", USER_SDL));
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add("users", "friend", FRIEND_SDL));
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add("zoo", "keeper", ZOO_SDL));
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        zoo.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        zoo.reset();
    }

    static JsonNode as(String role, String query, Map<String, String> session) {
        Map<String, String> headers = new java.util.HashMap<>(session);
        headers.put("x-hasura-role", role);
        Http.Response r = engine.graphql(query, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode as(String role, String query) {
        return as(role, query, Map.of());
    }

    static void notFound(JsonNode answer, String message) {
        assertThat(answer.at("/errors/0/extensions/code").asText()).as(answer.toString()).isEqualTo("validation-failed");
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo(message);
    }

    @Test
    void aRoleReadsThroughItsPresetAndTheSessionValueIsSentAsAVariable() {
        JsonNode answer = as("user", "{ user { id name } }", Map.of("x-hasura-user-id", "3"));
        assertThat(answer.get("data")).isEqualTo(Json.parse("{\"user\": {\"id\": 3, \"name\": \"user3\"}}"));
        GraphqlTestServer.Received sent = users.lastRequest();
        assertThat(sent.query()).isEqualTo(
                "query ($x_hasura_user_id_Int:Int!){user(id:$x_hasura_user_id_Int){id name}}");
        assertThat(sent.body().get("variables")).isEqualTo(Json.parse("{\"x_hasura_user_id_Int\": 3}"));
    }

    @Test
    void aPresetArgumentCannotBeGivenByTheRole() {
        notFound(as("user", "{ user(id: 1) { id } }", Map.of("x-hasura-user-id", "3")),
                "\"user\" has no argument named \"id\"");
    }

    @Test
    void fieldsAndRootFieldsOutsideTheSdlDoNotExistForTheRole() {
        notFound(as("user", "{ users { id } }"), "field 'users' not found in type: 'query_root'");
        notFound(as("user", "{ user { email } }", Map.of("x-hasura-user-id", "3")), "field 'email' not found in type: 'User'");
        JsonNode mutation = as("user", "mutation { createUser(name: \"x\") { id } }");
        assertThat(mutation.at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void aMissingSessionVariableIsNotFoundAndABadOneCoercionError() {
        JsonNode missing = as("user", "{ user { id } }");
        assertThat(missing.at("/errors/0/extensions/code").asText()).isEqualTo("not-found");
        assertThat(missing.at("/errors/0/message").asText())
                .isEqualTo("\"x-hasura-user-id\" session variable expected, but not found");
        JsonNode bad = as("user", "{ user { id } }", Map.of("x-hasura-user-id", "abc"));
        assertThat(bad.at("/errors/0/extensions/code").asText()).isEqualTo("coercion-error");
        assertThat(bad.at("/errors/0/message").asText()).isEqualTo("\"abc\" cannot be coerced into an Int value");
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void staticPresetsAreLiteralsAndStaticTrueKeepsAnXHasuraStringAsItIs() {
        JsonNode list = as("friend", "{ users { id } }");
        assertThat(list.at("/data/users")).isEqualTo(Json.parse("[{\"id\": 1}, {\"id\": 2}]"));
        assertThat(users.lastRequest().query()).isEqualTo("{users(ids:[1,2]){id}}");
        JsonNode created = as("friend", "mutation { createUser { name } }", Map.of("x-hasura-user-name", "eve"));
        assertThat(created.at("/data/createUser/name").asText()).isEqualTo("x-hasura-user-name");
    }

    @Test
    void inputFieldPresetsAreAddedToLiteralsAndToVariables() {
        Map<String, String> woof = Map.of("x-hasura-sound", "WOOF");
        JsonNode literal = as("keeper", "{ animals(filter: {nameLike: \"R\"}) { name } }", woof);
        assertThat(literal.at("/data/animals")).isEqualTo(Json.parse("[{\"name\": \"Rex\"}]"));
        assertThat(zoo.lastRequest().query()).contains("filter:{nameLike:\"R\",sound:$x_hasura_sound_Sound}");

        Http.Response viaVariable = engine.http.post("/v1/graphql", "{\"query\": \"query($f: AnimalFilter) { animals(filter: $f) "
                + "{ name } }\", \"variables\": {\"f\": {\"nameLike\": \"T\"}}}", Map.of("x-hasura-role", "keeper",
                "x-hasura-sound", "MEOW"));
        assertThat(viaVariable.json().at("/data/animals")).as(viaVariable.body()).isEqualTo(Json.parse("[{\"name\": \"Tom\"}]"));
        assertThat(zoo.lastRequest().body().at("/variables/f")).isEqualTo(Json.parse("{\"nameLike\": \"T\", \"sound\": \"MEOW\"}"));

        JsonNode notAnEnumValue = as("keeper", "{ animals { name } }", Map.of("x-hasura-sound", "MOO"));
        assertThat(notAnEnumValue.at("/errors/0/message").asText()).isEqualTo("\"MOO\" is not one of the valid enum values");
        assertThat(as("keeper", "{ animals(filter: {sound: WOOF}) { name } }", woof).at("/errors/0/extensions/code").asText())
                .isEqualTo("validation-failed");

        JsonNode noFilter = as("keeper", "{ animals { name } }", Map.of("x-hasura-sound", "MEOW"));
        assertThat(noFilter.at("/data/animals")).isEqualTo(Json.parse("[{\"name\": \"Tom\"}]"));
    }

    @Test
    void aRoleWithoutAPermissionSeesNothingOfTheRemoteSchema() {
        notFound(as("user", "{ animals { name } }"), "field 'animals' not found in type: 'query_root'");
        notFound(as("nobody", "{ user { id } }"), "field 'user' not found in type: 'query_root'");
        assertThat(users.requestCount() + zoo.requestCount()).isZero();
    }

    @Test
    void introspectionNamesOnlyWhatTheRoleMayUse() {
        String query = "{ __schema { types { name } queryType { fields { name args { name } } } mutationType { name } } }";
        JsonNode user = as("user", query).at("/data/__schema");
        assertThat(names(user.get("types"))).contains("User").doesNotContain("Animal", "Dog", "Sound", "AnimalFilter", "Mutation");
        assertThat(user.at("/queryType/fields")).isEqualTo(Json.parse("[{\"name\": \"user\", \"args\": []}]"));
        assertThat(user.get("mutationType").isNull()).isTrue();
        JsonNode userType = as("user", "{ __type(name: \"User\") { fields { name } } }").at("/data/__type/fields");
        assertThat(names(userType)).containsExactly("id", "name");

        JsonNode nobody = as("nobody", query).at("/data/__schema");
        assertThat(names(nobody.get("types"))).doesNotContain("User", "Animal", "Dog", "Sound", "AnimalFilter");
        assertThat(names(nobody.at("/queryType/fields"))).containsExactly("no_queries_available");

        JsonNode keeper = as("keeper", "{ __type(name: \"AnimalFilter\") { inputFields { name } } }");
        assertThat(names(keeper.at("/data/__type/inputFields"))).containsExactly("nameLike");
    }

    @Test
    void adminSeesTheWholeRemoteSchemas() {
        JsonNode admin = engine.gql("{ users(ids: [5]) { id email } animals { name } }");
        assertThat(admin.at("/data/users/0/email").asText()).isEqualTo("user5@example.com");
        assertThat(admin.at("/data/animals").size()).isEqualTo(2);
    }

    @Test
    void aRoleSchemaIsBuiltOnceAndAMetadataReadKeepsIt() {
        as("user", "{ user { id } }", Map.of("x-hasura-user-id", "1"));
        long builds = engine.engine.schemas().builds();
        engine.export();
        engine.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        as("user", "{ user { id } }", Map.of("x-hasura-user-id", "2"));
        as("user", "{ user { name } }", Map.of("x-hasura-user-id", "2"));
        assertThat(engine.engine.schemas().builds()).isEqualTo(builds);
    }

    @Test
    void droppingAPermissionTakesTheRemoteSchemaAwayFromThatRoleOnly() {
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.add("users", "temp", USER_SDL));
        assertThat(as("temp", "{ user { id } }", Map.of("x-hasura-user-id", "4")).at("/data/user/id").asInt()).isEqualTo(4);
        long builds = engine.engine.schemas().builds();
        engine.metadataOk(RemoteSchemaPermissionCommandsTest.drop("users", "temp"));
        notFound(as("temp", "{ user { id } }", Map.of("x-hasura-user-id", "4")), "field 'user' not found in type: 'query_root'");
        as("user", "{ user { id } }", Map.of("x-hasura-user-id", "1"));
        assertThat(engine.engine.schemas().builds()).isEqualTo(builds + 1);
    }

    @Test
    void theUnauthorizedRoleSeesNothingOfARemoteSchemaWithoutAPermission() {
        try (EngineFixture secured = EngineFixture.on(engine.databaseUrl, c -> c.withAdminSecret("s3cret")
                .withUnauthorizedRole("anonymous").toBuilder().remoteSchemaPermissions(true).build())) {
            users.reset();
            Http.Response anonymous = secured.http.post("/v1/graphql", "{\"query\": \"{ users { id } }\"}");
            assertThat(anonymous.json().at("/errors/0/message").asText()).isEqualTo("field 'users' not found in type: 'query_root'");
            Http.Response mutation = secured.http.post("/v1/graphql", "{\"query\": \"mutation { createUser(name: \\\"x\\\") { id } }\"}");
            assertThat(mutation.json().at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
            Http.Response types = secured.http.post("/v1/graphql", "{\"query\": \"{ __schema { types { name } } }\"}");
            assertThat(names(types.json().at("/data/__schema/types"))).doesNotContain("User", "Animal", "Mutation");
            assertThat(users.requestCount()).isZero();
        }
    }

    @Test
    void withPermissionsOffEveryRoleSeesEveryRemoteSchemaWhole() {
        try (EngineFixture off = EngineFixture.on(engine.databaseUrl, c -> c)) {
            Http.Response nobody = off.graphql("{ users(ids: [1]) { email } animals { name } }", Map.of("x-hasura-role", "nobody"));
            assertThat(nobody.json().at("/data/users/0/email").asText()).as(nobody.body()).isEqualTo("user1@example.com");
            Http.Response user = off.graphql("{ user(id: 2) { email } }", Map.of("x-hasura-role", "user"));
            assertThat(user.json().at("/data/user/email").asText()).as(user.body()).isEqualTo("user2@example.com");
        }
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
