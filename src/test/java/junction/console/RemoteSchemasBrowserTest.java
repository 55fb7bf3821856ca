package junction.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.Map;
import junction.config.Env;
import junction.test.EngineFixture;
import junction.test.browser.Browser;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Remote Schemas section in a real Chromium against real remote GraphQL servers: add through the
 * form, a refused add, details / modify / reload / remove, and the per-role permissions editor.
 */
class RemoteSchemasBrowserTest {
    static EngineFixture engine;
    static Browser browser;
    static GraphqlTestServer users;

    @BeforeAll
    static void start() {
        users = UserService.start();
        engine = EngineFixture.start("console_remote", c -> c.toBuilder()
                .console(ConsoleSettings.ENABLED).remoteSchemaPermissions(true)
                .env(Env.of(Map.of("RS_USERS_URL", users.url(), "RS_KEY", "k1"))).build());
        browser = Browser.open("http://localhost:" + engine.engine.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        engine.close();
        users.close();
    }

    /** Each test adds remote schemas whose root fields would clash with the next test's. */
    @AfterEach
    void clearMetadata() {
        engine.metadataOk("{\"type\":\"clear_metadata\",\"args\":{}}");
    }

    static JsonNode remote(String name) {
        for (JsonNode r : engine.export().path("remote_schemas")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void addsARemoteSchemaThroughTheForm() {
        browser.go("/console/remote-schemas/manage/schemas");
        browser.click("remote-schemas-add-button");
        browser.type("remote-schema-name", "users-form");
        browser.type("remote-schema-url", users.url());
        browser.click("remote-schema-header-add");
        browser.type("remote-schema-header-name-0", "X-From");
        browser.type("remote-schema-header-value-0", "console");
        browser.type("remote-schema-timeout", "15");
        browser.type("remote-schema-namespace", "usersForm");
        browser.type("remote-schema-comment", "added in the browser");
        assertThat(browser.waitForText("remote-schema-preview", "\"add_remote_schema\"")).contains("\"usersForm\"");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("remote-schema-add");
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-title", "users-form");
        assertThat(browser.path()).isEqualTo("/console/remote-schemas/manage/users-form/details");

        JsonNode stored = remote("users-form");
        assertThat(stored).isNotNull();
        assertThat(stored.path("comment").asText()).isEqualTo("added in the browser");
        JsonNode definition = stored.path("definition");
        assertThat(definition.path("url").asText()).isEqualTo(users.url());
        assertThat(definition.path("timeout_seconds").asInt()).isEqualTo(15);
        assertThat(definition.path("headers").get(0).path("name").asText()).isEqualTo("X-From");
        assertThat(definition.path("headers").get(0).path("value").asText()).isEqualTo("console");
        assertThat(definition.path("customization").path("root_fields_namespace").asText()).isEqualTo("usersForm");
        assertThat(engine.gql("{ usersForm { user(id: 2) { name } } }").toString()).contains("user2");

        browser.click("remote-schemas-sidebar-list");
        browser.find("remote-schema-link-users-form");
        browser.screenshot("remote-schemas-list");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aRefusedAddShowsTheErrorAtTheUrlAndChangesNothing() {
        JsonNode before = engine.exportWithVersion();
        browser.go("/console/remote-schemas/manage/add");
        browser.type("remote-schema-name", "nowhere");
        browser.type("remote-schema-url", "http://localhost:1/graphql");
        browser.click("remote-schema-submit");
        assertThat(browser.waitForText("remote-schema-url-error", "remote-schema-error")).contains("HTTP exception");
        assertThat(browser.path()).isEqualTo("/console/remote-schemas/manage/add");
        assertThat(engine.exportWithVersion()).isEqualTo(before);

        browser.type("remote-schema-url", "not a url");
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-url-error", "not a valid URI");
        assertThat(engine.exportWithVersion()).isEqualTo(before);

        browser.go("/console/remote-schemas/manage/ghost/details");
        browser.waitForText("remote-schema-missing", "No remote schema named ghost");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void addsARemoteSchemaWhoseUrlAndHeaderComeFromTheEnvironment() {
        browser.go("/console/remote-schemas/manage/add");
        browser.type("remote-schema-name", "users-env");
        browser.select("remote-schema-url-mode", "env");
        browser.type("remote-schema-url-from-env", "RS_USERS_URL");
        browser.click("remote-schema-header-add");
        browser.type("remote-schema-header-name-0", "X-Key");
        browser.select("remote-schema-header-mode-0", "env");
        browser.type("remote-schema-header-value-0", "RS_MISSING");
        assertThat(browser.waitForText("remote-schema-preview", "\"url_from_env\": \"RS_USERS_URL\""))
                .contains("\"value_from_env\": \"RS_MISSING\"").doesNotContain("\"url\":");
        JsonNode before = engine.exportWithVersion();
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-headers-error", "RS_MISSING");
        assertThat(engine.exportWithVersion()).isEqualTo(before);

        browser.type("remote-schema-header-value-0", "RS_KEY");
        browser.click("remote-schema-submit");
        browser.waitForText("remote-schema-title", "users-env");
        JsonNode definition = remote("users-env").path("definition");
        assertThat(definition.path("url_from_env").asText()).isEqualTo("RS_USERS_URL");
        assertThat(definition.has("url")).isFalse();
        assertThat(definition.path("headers").get(0).path("value_from_env").asText()).isEqualTo("RS_KEY");
        assertThat(users.lastHeaders()).containsEntry("x-key", "k1");
        assertThat(browser.waitForText("remote-schema-definition", "RS_USERS_URL")).contains("RS_KEY");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void showsARemoteSchemaWithEveryKindOfTypeAsItsSdl() {
        try (GraphqlTestServer zoo = ZooService.start()) {
            engine.metadataOk("{\"type\":\"add_remote_schema\",\"args\":{\"name\":\"zoo\","
                    + "\"definition\":{\"url\":\"" + zoo.url() + "\"}}}");
            browser.go("/console/remote-schemas/manage/zoo/details");
            browser.waitForText("remote-schema-sdl", "union Pet = Dog | Cat | Bird");
            browser.click("remote-schema-sdl-descriptions");
            String shown = browser.waitForText("remote-schema-sdl", "\"A good boy\"");
            assertThat(shown).contains("barks: Boolean @deprecated(reason: \"use sound\")")
                    .contains("MEOW @deprecated(reason: \"cats are quiet\")").contains("scalar DateTime");
            assertThat(sdlOf(shown)).isEqualTo(sdlOf(ZooService.SDL));
        }
        assertThat(browser.scriptErrors()).isEmpty();
    }

    /** The schema an SDL text describes, printed by graphql-java: two texts of the same schema print alike. */
    static String sdlOf(String sdl) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectiveDefinitions(false)
                .includeSchemaDefinition(false).includeScalarTypes(true))
                .print(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl)));
    }

    @Test
    void modifiesReloadsAndRemovesARemoteSchema() {
        try (GraphqlTestServer other = UserService.start(3)) {
            engine.metadataOk("{\"type\":\"add_remote_schema\",\"args\":{\"name\":\"users-edit\","
                    + "\"definition\":{\"url\":\"" + other.url() + "\"}}}");
            browser.go("/console/remote-schemas/manage/users-edit/details");
            browser.waitForText("remote-schema-definition", other.url());
            assertThat(browser.waitForText("remote-schema-sdl", "createUser(name: String!): User"))
                    .contains("type Query {").contains("user(id: Int!): User");
            browser.click("remote-schema-sdl-descriptions");
            browser.waitForText("remote-schema-sdl", "\"One user by id, or null\"");
            browser.screenshot("remote-schema-details");

            browser.click("tab-modify");
            assertThat(browser.find("remote-schema-url").getAttribute("value")).isEqualTo(other.url());
            browser.type("remote-schema-timeout", "30");
            browser.type("remote-schema-comment", "edited in the browser");
            assertThat(browser.waitForText("remote-schema-preview", "update_remote_schema")).contains("\"timeout_seconds\": 30");
            browser.click("remote-schema-submit");
            browser.find("remote-schema-saved");
            JsonNode stored = remote("users-edit");
            assertThat(stored.path("definition").path("timeout_seconds").asInt()).isEqualTo(30);
            assertThat(stored.path("comment").asText()).isEqualTo("edited in the browser");

            other.serve(schema("""
                    type User { id: Int! name: String email: String }
                    type Query { user(id: Int!): User users(ids: [Int!]): [User] ping: String }
                    """));
            browser.click("tab-details");
            browser.click("remote-schema-reload");
            browser.find("remote-schema-reloaded");
            assertThat(browser.waitForText("remote-schema-sdl", "ping: String")).doesNotContain("createUser");

            engine.runSqlOk("CREATE TABLE rs_orders (id int PRIMARY KEY, user_id int)");
            engine.metadataOk("{\"type\":\"pg_track_table\",\"args\":{\"table\":\"rs_orders\"}}");
            engine.metadataOk("""
                    {"type": "pg_create_remote_relationship", "args": {"table": "rs_orders", "name": "buyer",
                     "definition": {"to_remote_schema": {"remote_schema": "users-edit", "lhs_fields": ["user_id"],
                       "remote_field": {"user": {"arguments": {"id": "$user_id"}}}}}}}
                    """);
            JsonNode before = engine.exportWithVersion();
            browser.click("remote-schema-remove");
            browser.click("remote-schema-remove-confirm");
            assertThat(browser.waitForText("remote-schema-remove-confirm-error", "dependency-error"))
                    .contains("cannot drop due to the following dependent objects");
            assertThat(engine.exportWithVersion()).isEqualTo(before);

            engine.metadataOk("{\"type\":\"pg_delete_remote_relationship\",\"args\":{\"table\":\"rs_orders\",\"name\":\"buyer\"}}");
            browser.click("remote-schema-remove-confirm");
            browser.find("remote-schemas-card");
            assertThat(browser.path()).isEqualTo("/console/remote-schemas/manage/schemas");
            assertThat(remote("users-edit")).isNull();
            browser.waitGone("remote-schema-nav-users-edit");
        }
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void savesARolesSdlAndListsTheReasonsOfABadOne() {
        engine.metadataOk("{\"type\":\"add_remote_schema\",\"args\":{\"name\":\"users-perm\","
                + "\"definition\":{\"url\":\"" + users.url() + "\"}}}");
        engine.runSqlOk("CREATE TABLE rs_notes (id int PRIMARY KEY, body text)");
        engine.metadataOk("{\"type\":\"pg_track_table\",\"args\":{\"table\":\"rs_notes\"}}");
        engine.metadataOk("""
                {"type": "pg_create_select_permission", "args": {"table": "rs_notes", "role": "viewer",
                 "permission": {"columns": ["id"], "filter": {}}}}
                """);
        browser.go("/console/remote-schemas/manage/users-perm/permissions");
        assertThat(browser.all("remote-schema-permissions-disabled")).isEmpty();
        browser.click("remote-schema-permission-role-viewer");
        assertThat(browser.waitForText("remote-schema-permission-status-viewer", "none")).contains("none");
        assertThat(browser.find("remote-schema-permission-sdl").getAttribute("value")).contains("createUser(name: String!): User");

        String sdl = """
                type User { id: Int! name: String }
                type Query { user(id: Int! @preset(value: "x-hasura-user-id")): User }
                schema { query: Query }
                """;
        browser.type("remote-schema-permission-sdl", sdl);
        browser.waitForText("remote-schema-permission-preview", "add_remote_schema_permissions");
        browser.click("remote-schema-permission-save");
        browser.waitForText("remote-schema-permission-saved", "Saved");
        browser.waitForText("remote-schema-permission-status-viewer", "allowed");
        JsonNode permissions = remote("users-perm").path("permissions");
        assertThat(permissions).hasSize(1);
        assertThat(permissions.get(0).path("role").asText()).isEqualTo("viewer");
        assertThat(permissions.get(0).path("definition").path("schema").asText()).contains("@preset(value: \"x-hasura-user-id\")");
        assertThat(engine.graphql("{ user { name } }", Map.of("x-hasura-role", "viewer", "x-hasura-user-id", "3")).body())
                .contains("user3");

        JsonNode before = engine.exportWithVersion();
        browser.type("remote-schema-permission-sdl", """
                type User { id: Int! nope: String }
                type Query { user: User }
                schema { query: Query }
                """);
        browser.waitForText("remote-schema-permission-preview", "drop_remote_schema_permissions");
        browser.click("remote-schema-permission-save");
        browser.waitForText("remote-schema-permission-reasons", "invalid-role-based-remote-schema");
        assertThat(browser.all("remote-schema-permission-reason")).extracting(e -> e.getText()).containsExactlyInAnyOrder(
                "field \"nope\" does not exist in the \"Object\": \"User\"",
                "field: \"user\" expects the following non nullable arguments to be present: \"id\"");
        assertThat(engine.exportWithVersion()).isEqualTo(before);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("remote-schema-permissions");

        browser.click("remote-schema-permission-remove");
        browser.waitForText("remote-schema-permission-saved", "Removed");
        browser.waitForText("remote-schema-permission-status-viewer", "none");
        assertThat(remote("users-perm").path("permissions")).isEmpty();

        browser.type("remote-schema-permission-new-role", "guest");
        browser.click("remote-schema-permission-new-role-add");
        browser.waitForText("remote-schema-permission-role", "guest");
        browser.click("remote-schema-permission-save");
        browser.waitForText("remote-schema-permission-status-guest", "allowed");
        assertThat(remote("users-perm").path("permissions").get(0).path("definition").path("schema").asText())
                .contains("createUser(name: String!): User");

        // the page's settings say remote schema permissions are off (as a server without them would)
        browser.script("window.__junction.remoteSchemaPermissions = false");
        browser.click("tab-details");
        browser.click("tab-permissions");
        assertThat(browser.waitForText("remote-schema-permissions-disabled", "HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS"))
                .contains("every role sees the whole remote schema");
        browser.script("window.__junction.remoteSchemaPermissions = true");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.newRuntimeWiring().build());
    }
}
