package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import junction.json.Json;
import junction.server.ServerConfig;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.SlowService;
import junction.test.remote.UserService;
import junction.test.remote.ZooService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote schema commands of the metadata API, over HTTP, against real remote servers. */
class RemoteSchemaCommandsTest {
    static GraphqlTestServer users;
    static GraphqlTestServer zoo;
    static GraphqlTestServer garbage;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        zoo = ZooService.start();
        garbage = UserService.start().override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"nothing\": 1}}"));
        engine = EngineFixture.start("remote_commands", c -> withEnv(c, Map.of("USERS_URL", users.url(), "USERS_KEY", "k-123")));
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        zoo.close();
        garbage.close();
    }

    @BeforeEach
    void clean() {
        engine.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        users.reset();
        zoo.reset();
    }

    static ServerConfig withEnv(ServerConfig c, Map<String, String> vars) {
        ServerConfig out = c;
        for (var e : vars.entrySet()) {
            out = out.withEnv(e.getKey(), e.getValue());
        }
        return out;
    }

    static String add(String name, String definition) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": " + definition + "}}";
    }

    static String url(GraphqlTestServer server) {
        return "{\"url\": \"" + server.url() + "\"}";
    }

    /** Sends a request that must fail, checks the error, and that metadata (and its version) did not change. */
    static JsonNode refused(String request, int status, String code, String message) {
        JsonNode before = engine.exportWithVersion();
        Http.Response r = engine.metadata(request);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).as(r.body()).isEqualTo(code);
        if (message != null) {
            assertThat(r.json().get("error").asText()).isEqualTo(message);
        }
        assertThat(engine.exportWithVersion()).isEqualTo(before);
        return r.json();
    }

    @Test
    void addingARemoteSchemaIntrospectsItOnceAndStoresTheDefinitionAsWritten() {
        String definition = "{\"url_from_env\": \"USERS_URL\", \"headers\": [{\"name\": \"X-Api-Key\", \"value_from_env\": \"USERS_KEY\"},"
                + " {\"name\": \"X-From\", \"value\": \"junction\"}], \"forward_client_headers\": true, \"timeout_seconds\": 20}";
        JsonNode answer = engine.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users-api\", "
                + "\"definition\": " + definition + ", \"comment\": \"user service\"}}");
        assertThat(answer).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastHeaders()).containsEntry("x-api-key", "k-123").containsEntry("x-from", "junction")
                .containsEntry("x-hasura-role", "admin");
        JsonNode exported = engine.exportWithVersion().at("/metadata/remote_schemas");
        assertThat(exported).isEqualTo(Json.parse("[{\"name\": \"users-api\", \"definition\": " + definition
                + ", \"comment\": \"user service\"}]"));
    }

    @Test
    void introspectRemoteSchemaAnswersTheStoredIntrospectionWithoutCallingTheRemote() {
        engine.metadataOk(add("users", url(users)));
        users.reset();
        JsonNode answer = engine.metadataOk("{\"type\": \"introspect_remote_schema\", \"args\": {\"name\": \"users\"}}");
        assertThat(answer.at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
        assertThat(answer.at("/data/__schema/types").isArray()).isTrue();
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void otherMetadataCommandsReuseTheIntrospection() {
        engine.metadataOk(add("users", url(users)));
        engine.metadataOk(add("zoo", url(zoo)));
        users.reset();
        zoo.reset();
        engine.runSqlOk("create table if not exists reuse_items (id serial primary key, name text)");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"reuse_items\"}}");
        engine.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
        engine.metadataOk("{\"type\": \"export_metadata\", \"args\": {}}");
        engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
        engine.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + engine.exportWithVersion().get("metadata") + "}");
        assertThat(users.requestCount()).isZero();
        assertThat(zoo.requestCount()).isZero();
    }

    @Test
    void aDuplicateNameIsRefused() {
        engine.metadataOk(add("users", url(users)));
        JsonNode error = refused(add("users", url(zoo)), 400, "already-exists", "remote schema with name \"users\" already exists");
        assertThat(error.get("path").asText()).isEqualTo("$.args");
    }

    @Test
    void anUnreachableRemoteIsRefusedAndNothingIsStored() {
        refused(add("gone", "{\"url\": \"http://127.0.0.1:1/graphql\"}"), 400, "remote-schema-error",
                "HTTP exception occurred while sending the request to http://127.0.0.1:1/graphql");
    }

    @Test
    void timeoutSecondsIsHonoured() {
        try (GraphqlTestServer slow = SlowService.start(Duration.ofSeconds(3))) {
            long started = System.nanoTime();
            refused(add("slow", "{\"url\": \"" + slow.url() + "\", \"timeout_seconds\": 1}"), 400, "remote-schema-error",
                    "HTTP exception occurred while sending the request to " + slow.url());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void anInvalidIntrospectionIsRefusedAndNothingIsStored() {
        refused(add("garbage", url(garbage)), 400, "remote-schema-error", "Error in $.data: key \"__schema\" not found");
    }

    @Test
    void malformedDefinitionsAreRefused() {
        refused(add("x", "{}"), 400, "invalid-params", "both `url` and `url_from_env` can't be empty");
        refused(add("x", "{\"url\": \"" + users.url() + "\", \"url_from_env\": \"USERS_URL\"}"), 400, "invalid-params",
                "both `url` and `url_from_env` can't be present");
        JsonNode header = refused(add("x", "{\"url\": \"" + users.url() + "\", \"headers\": [{\"name\": \"a\"}]}"), 400,
                "parse-failed", "expecting value or value_from_env keys");
        assertThat(header.get("path").asText()).isEqualTo("$.args.definition.headers[0]");
        refused(add("x", "{\"url_from_env\": \"JUNCTION_TEST_NOT_SET\"}"), 400, "invalid-params",
                "environment variable 'JUNCTION_TEST_NOT_SET' not set");
        refused(add("x", "{\"url\": \"not a url\"}"), 400, "invalid-params", "not a valid URI: not a url");
        refused("{\"type\": \"add_remote_schema\", \"args\": {\"definition\": " + url(users) + "}}", 400, "parse-failed",
                "the key 'name' was not present");
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void anInconsistentCustomizationIsRefused() {
        refused(add("zoo", "{\"url\": \"" + zoo.url() + "\", \"customization\": {\"field_names\": "
                + "[{\"parent_type\": \"Animal\", \"mapping\": {\"name\": \"title\"}}]}}"), 400, "remote-schema-error",
                "Remote schema customization inconsistency: field name mapping for field \"name\" of interface \"Animal\" "
                        + "is inconsistent with mapping for type \"Cat\". Interface field name maps to \"title\". "
                        + "Type field name maps to \"name\".");
        refused(add("zoo", "{\"url\": \"" + zoo.url() + "\", \"customization\": {\"type_names\": {\"prefix\": \"9\"}}}"),
                400, "parse-failed", "9 is not valid GraphQL name");
    }

    @Test
    void updatingReplacesTheDefinitionAndIntrospectsAgain() {
        engine.metadataOk(add("users", url(users)));
        users.reset();
        String customized = "{\"url\": \"" + users.url() + "\", \"customization\": {\"root_fields_namespace\": \"usersApi\"}}";
        engine.metadataOk("{\"type\": \"update_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": " + customized
                + ", \"comment\": \"now namespaced\"}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(engine.exportWithVersion().at("/metadata/remote_schemas")).isEqualTo(Json.parse(
                "[{\"name\": \"users\", \"definition\": " + customized + ", \"comment\": \"now namespaced\"}]"));
    }

    @Test
    void updatingAMissingOrUnreachableRemoteIsRefused() {
        refused("{\"type\": \"update_remote_schema\", \"args\": {\"name\": \"nope\", \"definition\": " + url(users) + "}}", 400,
                "not-exists", "remote schema with name \"nope\" doesn't exist");
        engine.metadataOk(add("users", url(users)));
        refused("{\"type\": \"update_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": "
                + "{\"url\": \"http://127.0.0.1:1/graphql\"}}}", 400, "remote-schema-error",
                "HTTP exception occurred while sending the request to http://127.0.0.1:1/graphql");
    }

    @Test
    void removingDropsTheRemoteSchema() {
        engine.metadataOk(add("users", url(users)));
        engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"users\"}}");
        assertThat(engine.exportWithVersion().at("/metadata/remote_schemas").isMissingNode()).isTrue();
        refused("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"users\"}}", 400, "not-exists", "no such remote schema");
    }

    @Test
    void removingIsRefusedWhileRemoteRelationshipsUseIt() {
        engine.runSqlOk("create table if not exists dep_orders (id serial primary key, user_id int)");
        ObjectNode doc = (ObjectNode) engine.exportWithVersion().get("metadata");
        ((ObjectNode) doc.at("/sources/0")).set("tables", Json.parse("[{\"table\": {\"schema\": \"public\", \"name\": \"dep_orders\"},"
                + "\"remote_relationships\": ["
                + "{\"name\": \"buyer\", \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"users\", "
                + "\"lhs_fields\": [\"user_id\"], \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}}}},"
                + "{\"name\": \"buyer_old\", \"definition\": {\"hasura_fields\": [\"user_id\"], \"remote_schema\": \"users\", "
                + "\"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}}}]}]"));
        doc.set("remote_schemas", Json.parse("[{\"name\": \"users\", \"definition\": " + url(users) + "},"
                + "{\"name\": \"zoo\", \"definition\": " + url(zoo) + ", \"remote_relationships\": [{\"type_name\": \"Dog\", "
                + "\"relationships\": [{\"name\": \"owner\", \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"users\", "
                + "\"lhs_fields\": [\"id\"], \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$id\"}}}}}}]}]}]"));
        // Dog.id is an ID and user(id:) takes an Int: the relationship is inconsistent, but it still depends on users
        engine.metadataOk("{\"type\": \"replace_metadata\", \"args\": {\"allow_inconsistent_metadata\": true, \"metadata\": "
                + doc + "}}");
        refused("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"users\"}}", 400, "dependency-error",
                "cannot drop due to the following dependent objects : remote relationship dep_orders.buyer in source \"default\", "
                        + "remote relationship dep_orders.buyer_old in source \"default\", "
                        + "remote_relationship owner on type Dog in remote schema zoo");
        engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"zoo\"}}");
    }

    @Test
    void reloadingIntrospectsAgain() {
        engine.metadataOk(add("users", url(users)));
        users.reset();
        engine.metadataOk("{\"type\": \"reload_remote_schema\", \"args\": {\"name\": \"users\"}}");
        assertThat(users.requestCount()).isEqualTo(1);
        refused("{\"type\": \"reload_remote_schema\", \"args\": {\"name\": \"nope\"}}", 400, "not-exists",
                "remote schema with name \"nope\" does not exist");
    }

    @Test
    void reloadingARemoteThatBrokeIsRefusedAndTheLastGoodSchemaStays() {
        try (GraphqlTestServer flaky = UserService.start()) {
            engine.metadataOk(add("flaky", url(flaky)));
            flaky.override(r -> new GraphqlTestServer.Answer(200, "{\"errors\": [{\"message\": \"down for maintenance\"}]}"));
            refused("{\"type\": \"reload_remote_schema\", \"args\": {\"name\": \"flaky\"}}", 400, "invalid-configuration",
                    "Inconsistent object: Error in $: key \"data\" not found");
            JsonNode still = engine.metadataOk("{\"type\": \"introspect_remote_schema\", \"args\": {\"name\": \"flaky\"}}");
            assertThat(still.at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
        }
    }

    @Test
    void introspectingAMissingRemoteSchemaIsRefused() {
        refused("{\"type\": \"introspect_remote_schema\", \"args\": {\"name\": \"nope\"}}", 400, "not-exists",
                "remote schema: \"nope\" not found");
    }

    @Test
    void aFailingCommandInsideABulkChangesNothing() {
        refused("{\"type\": \"bulk\", \"args\": [" + add("users", url(users)) + ", " + add("users", url(zoo)) + "]}", 400,
                "already-exists", null);
    }
}
