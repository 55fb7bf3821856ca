package junction.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code add_remote_schema_permissions} / {@code drop_remote_schema_permissions} over HTTP, with
 * remote schema permissions enabled: Hasura's refusals (metadata unchanged), and the permission kept
 * through {@code export_metadata} / {@code replace_metadata}; without the setting, adding is refused.
 */
class RemoteSchemaPermissionCommandsTest {
    static final String USER_SDL = "type User { id: Int! name: String } "
            + "type Query { user(id: Int! @preset(value: \"x-hasura-user-id\")): User }";

    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static EngineFixture engine;
    static EngineFixture off;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        engine = EngineFixture.start("remote_perm_commands", c -> c.toBuilder().remoteSchemaPermissions(true).build());
        off = EngineFixture.start("remote_perm_commands_off");
    }

    @AfterAll
    static void stop() {
        engine.close();
        off.close();
        users.close();
        zoo.close();
    }

    @BeforeEach
    void clean() {
        for (EngineFixture f : new EngineFixture[] {engine, off}) {
            f.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
            f.metadataOk(addRemote("users", users));
            f.metadataOk(addRemote("zoo", zoo));
        }
    }

    static String addRemote(String name, GraphqlTestServer server) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": {\"url\": \""
                + server.url() + "\"}}}";
    }

    static String add(String remote, String role, String sdl) {
        return "{\"type\": \"add_remote_schema_permissions\", \"args\": {\"remote_schema\": \"" + remote + "\", \"role\": \""
                + role + "\", \"definition\": {\"schema\": " + Json.write(Json.NODES.textNode(sdl)) + "}}}";
    }

    static String drop(String remote, String role) {
        return "{\"type\": \"drop_remote_schema_permissions\", \"args\": {\"remote_schema\": \"" + remote
                + "\", \"role\": \"" + role + "\"}}";
    }

    @Test
    void aPermissionIsAddedKeptInTheExportAndDropped() {
        engine.metadataOk("{\"type\": \"add_remote_schema_permissions\", \"args\": {\"remote_schema\": \"users\", "
                + "\"role\": \"user\", \"definition\": {\"schema\": " + Json.write(Json.NODES.textNode(USER_SDL)) + "}, "
                + "\"comment\": \"users may read themselves\"}}");
        JsonNode permission = engine.export().at("/remote_schemas/0/permissions/0");
        assertThat(permission.get("role").asText()).isEqualTo("user");
        assertThat(permission.at("/definition/schema").asText()).isEqualTo(USER_SDL);
        assertThat(permission.get("comment").asText()).isEqualTo("users may read themselves");

        JsonNode exported = engine.export();
        engine.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + exported + "}");
        assertThat(engine.export()).isEqualTo(exported);

        engine.metadataOk(drop("users", "user"));
        assertThat(engine.export().at("/remote_schemas/0/permissions").isMissingNode()).isTrue();
    }

    @Test
    void withoutTheSettingAddingIsRefusedAsHasuraDoes() {
        off.refused(add("users", "user", USER_SDL)).expect(400, "constraint-violation", "$.args",
                "remote schema permissions can only be added when remote schema permissions are enabled in the graphql-engine");
    }

    @Test
    void anUnknownRemoteSchemaIsNotExists() {
        engine.refused(add("nope", "user", USER_SDL)).expect(400, "not-exists", "$.args",
                "remote schema \"nope\" doesn't exist");
        engine.refused(drop("nope", "user")).expect(400, "not-exists", "$.args", "remote schema \"nope\" doesn't exist");
    }

    @Test
    void aSecondPermissionForTheRoleIsAlreadyExists() {
        engine.metadataOk(add("users", "user", USER_SDL));
        engine.refused(add("users", "user", USER_SDL)).expect(400, "already-exists", "$.args",
                "permissions for role: \"user\" for remote schema:\"users\" already exists");
    }

    @Test
    void droppingAMissingPermissionIsNotExists() {
        engine.refused(drop("users", "user")).expect(400, "not-exists", "$.args",
                "permissions for role: \"user\" for remote schema:\"users\" doesn't exist");
    }

    @Test
    void adminCannotBeGivenAPermission() {
        engine.refused(add("users", "admin", USER_SDL)).expect(400, "constraint-violation", "$.args",
                "cannot define permission for admin role");
    }

    @Test
    void theLegacyQueryApiHasTheSameCommands() {
        assertThat(engine.http.post("/v1/query", add("users", "user", USER_SDL)).status()).isEqualTo(200);
        assertThat(engine.export().at("/remote_schemas/0/permissions/0/role").asText()).isEqualTo("user");
        assertThat(engine.http.post("/v1/query", drop("users", "user")).status()).isEqualTo(200);
        assertThat(engine.export().at("/remote_schemas/0/permissions").isMissingNode()).isTrue();
    }

    @Test
    void replacingMetadataWithAnInvalidPermissionIsRefusedOrStoredAsInconsistent() {
        JsonNode document = engine.export();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.at("/remote_schemas/0")).set("permissions",
                Json.parse("[{\"role\": \"user\", \"definition\": {\"schema\": \"type Query { nope: Int }\"}}]"));
        var refused = engine.refused("{\"type\": \"replace_metadata\", \"args\": " + document + "}");
        assertThat(refused.code()).isEqualTo("unexpected");
        assertThat(refused.error()).isEqualTo("cannot continue due to inconsistent metadata");
        assertThat(refused.internal().get(0).get("type").asText()).isEqualTo("remote_schema_permission");

        JsonNode answer = engine.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": "
                + "{\"allow_inconsistent_metadata\": true, \"metadata\": " + document + "}}");
        JsonNode issue = answer.at("/inconsistent_objects/0");
        assertThat(issue.get("type").asText()).isEqualTo("remote_schema_permission");
        assertThat(issue.get("name").asText()).isEqualTo("remote_schema_permission user permission in remote schema users");
        assertThat(issue.get("reason").asText()).isEqualTo("Inconsistent object: in remote schema permission for role "
                + "\"user\": validation for the given role-based schema failed because field \"nope\" does not exist in "
                + "the \"Object\": \"Query\"");
        assertThat(issue.get("definition")).isEqualTo(Json.parse("{\"schema\": \"type Query { nope: Int }\"}"));

        engine.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(engine.export().at("/remote_schemas/0/permissions").isMissingNode()).isTrue();
        assertThat(engine.export().at("/remote_schemas/0/name").asText()).isEqualTo("users");
    }

    @Test
    void withoutTheSettingAReplacedDocumentKeepsItsPermissionsAndStillChecksThem() {
        JsonNode document = off.export();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.at("/remote_schemas/0")).set("permissions",
                Json.parse("[{\"role\": \"user\", \"definition\": {\"schema\": " + Json.write(Json.NODES.textNode(USER_SDL))
                        + "}}]"));
        off.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + document + "}");
        assertThat(off.export().at("/remote_schemas/0/permissions/0/role").asText()).isEqualTo("user");

        ((com.fasterxml.jackson.databind.node.ObjectNode) document.at("/remote_schemas/0")).set("permissions",
                Json.parse("[{\"role\": \"user\", \"definition\": {\"schema\": \"type Query { nope: Int }\"}}]"));
        assertThat(off.refused("{\"type\": \"replace_metadata\", \"args\": " + document + "}").internal().get(0)
                .get("type").asText()).isEqualTo("remote_schema_permission");
    }
}
