package junction.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.remote.RemoteRetry;
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
 * Remote schemas as metadata objects: collisions of root fields, unreachable or invalid remotes at
 * start-up and on reload (inconsistent, not fatal), and round trips through export/replace.
 */
class RemoteSchemaConsistencyTest {
    static final String GONE = "http://127.0.0.1:1/graphql";
    static GraphqlTestServer users;
    static GraphqlTestServer otherUsers;
    static GraphqlTestServer zoo;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        otherUsers = UserService.start();
        zoo = ZooService.start();
        // what reloads do by hand: no background retries here (RemoteSchemaHealingTest has those)
        engine = EngineFixture.start("remote_consistency", c -> c.withRemoteRetry(RemoteRetry.OFF));
        engine.runSqlOk("create table users (id serial primary key, name text);"
                + "create table people (id serial primary key, name text);"
                + "create table logs (line text)");
    }

    @AfterAll
    static void stop() {
        engine.close();
        users.close();
        otherUsers.close();
        zoo.close();
    }

    @BeforeEach
    void clean() {
        engine.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        users.reset();
        otherUsers.reset();
        zoo.reset();
    }

    static String add(String name, String definition) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": " + definition + "}}";
    }

    static String url(GraphqlTestServer server) {
        return "{\"url\": \"" + server.url() + "\"}";
    }

    static String namespaced(GraphqlTestServer server, String namespace) {
        return "{\"url\": \"" + server.url() + "\", \"customization\": {\"root_fields_namespace\": \"" + namespace + "\"}}";
    }

    static String track(String table, String configuration) {
        return "{\"type\": \"pg_track_table\", \"args\": {\"table\": \"" + table + "\""
                + (configuration == null ? "" : ", \"configuration\": " + configuration) + "}}";
    }

    static JsonNode refused(String request, String code, String message) {
        JsonNode before = engine.exportWithVersion();
        Http.Response r = engine.metadata(request);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(r.json().get("error").asText()).isEqualTo(message);
        assertThat(engine.exportWithVersion()).isEqualTo(before);
        return r.json();
    }

    @Test
    void twoRemoteSchemasWithTheSameRootFieldCollide() {
        engine.metadataOk(add("users", url(users)));
        JsonNode error = refused(add("other", url(otherUsers)), "invalid-configuration", "Inconsistent object: Duplicate remote field 'user'");
        assertThat(error.at("/internal/0/type").asText()).isEqualTo("remote_schema");
        assertThat(error.at("/internal/0/name").asText()).isEqualTo("remote_schema other");
        engine.metadataOk(add("other", "{\"url\": \"" + otherUsers.url() + "\", \"customization\": "
                + "{\"root_fields_namespace\": \"other\", \"type_names\": {\"prefix\": \"Other_\"}}}"));
    }

    @Test
    void aRemoteRootFieldMayNotOverwriteATableRootField() {
        engine.metadataOk(track("users", null));
        refused(add("users", url(users)), "invalid-configuration", "Inconsistent object: Field cannot be overwritten by remote field 'users'");
        engine.metadataOk(add("users", namespaced(users, "usersApi")));
    }

    @Test
    void customRootFieldsAndMutationsCountToo() {
        engine.metadataOk(track("people", "{\"custom_root_fields\": {\"select_by_pk\": \"user\"}}"));
        refused(add("users", url(users)), "invalid-configuration", "Inconsistent object: Field cannot be overwritten by remote field 'user'");
        engine.metadataOk("{\"type\": \"pg_set_table_customization\", \"args\": {\"table\": \"people\", \"configuration\": "
                + "{\"custom_root_fields\": {\"insert_one\": \"createUser\"}}}}");
        refused(add("users", url(users)), "invalid-configuration", "Inconsistent object: Field cannot be overwritten by remote field 'createUser'");
    }

    @Test
    void tablesWithoutPrimaryKeyHaveNoByPkFields() {
        engine.metadataOk(track("logs", "{\"custom_name\": \"user\"}"));
        refused(add("users", url(users)), "invalid-configuration", "Inconsistent object: Field cannot be overwritten by remote field 'user'");
        engine.metadataOk("{\"type\": \"pg_set_table_customization\", \"args\": {\"table\": \"logs\", \"configuration\": "
                + "{\"custom_name\": \"use\"}}}");
        engine.metadataOk(add("users", url(users)));
    }

    @Test
    void trackingATableWhoseRootFieldARemoteAlreadyHasIsRefused() {
        engine.metadataOk(add("users", url(users)));
        JsonNode tracked = refused(track("users", null), "unexpected", "cannot continue due to new inconsistent metadata");
        assertThat(tracked.at("/internal/0/reason").asText()).isEqualTo("Inconsistent object: Field cannot be overwritten by remote field 'users'");
    }

    @Test
    void replaceMetadataWithAnUnreachableRemoteIsRefusedUnlessInconsistencyIsAllowed() {
        String doc = "{\"version\": 3, \"sources\": " + engine.exportWithVersion().at("/metadata/sources")
                + ", \"remote_schemas\": [{\"name\": \"gone\", \"definition\": {\"url\": \"" + GONE + "\"}}]}";
        JsonNode error = refused("{\"type\": \"replace_metadata\", \"args\": " + doc + "}", "unexpected",
                "cannot continue due to inconsistent metadata");
        assertThat(error.at("/internal/0")).isEqualTo(goneIssue());
        JsonNode answer = engine.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": "
                + "{\"allow_inconsistent_metadata\": true, \"metadata\": " + doc + "}}");
        assertThat(answer).isEqualTo(Json.object().put("is_consistent", false).set("inconsistent_objects", Json.array().add(goneIssue())));
        assertThat(engine.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").get("inconsistent_objects"))
                .containsExactly(goneIssue());
        engine.metadataOk("{\"type\": \"drop_inconsistent_metadata\", \"args\": {}}");
        assertThat(engine.exportWithVersion().at("/metadata/remote_schemas").isMissingNode()).isTrue();
        assertThat(engine.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}").get("is_consistent").asBoolean()).isTrue();
    }

    static JsonNode goneIssue() {
        return Json.parse("{\"definition\": {\"name\": \"gone\", \"definition\": {\"url\": \"" + GONE + "\"}},"
                + "\"name\": \"remote_schema gone\", \"reason\": \"Inconsistent object: HTTP exception occurred while "
                + "sending the request to " + GONE + "\", \"type\": \"remote_schema\"}");
    }

    @Test
    void anEngineStartingWhileARemoteIsDownReportsItAndKeepsServing() throws Exception {
        GraphqlTestServer doomed = UserService.start();
        String doomedUrl = doomed.url();
        engine.metadataOk(add("doomed", namespaced(doomed, "doomed")));
        engine.metadataOk(add("zoo", url(zoo)));
        doomed.close();
        try (EngineFixture restarted = EngineFixture.on(engine.databaseUrl, c -> c)) {
            JsonNode status = restarted.metadataOk("{\"type\": \"get_inconsistent_metadata\", \"args\": {}}");
            assertThat(status.get("is_consistent").asBoolean()).isFalse();
            assertThat(status.get("inconsistent_objects")).hasSize(1);
            assertThat(status.at("/inconsistent_objects/0/type").asText()).isEqualTo("remote_schema");
            assertThat(status.at("/inconsistent_objects/0/reason").asText())
                    .isEqualTo("Inconsistent object: HTTP exception occurred while sending the request to " + doomedUrl);
            assertThat(restarted.metadataOk("{\"type\": \"introspect_remote_schema\", \"args\": {\"name\": \"zoo\"}}")
                    .at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
            assertThat(restarted.http.get("/healthz").status()).isEqualTo(200);
            restarted.metadataOk(track("people", null));
        }
        engine.engine.metadata().syncIfChanged();
    }

    @Test
    void aRemoteThatRecoversIsConsistentAfterReloadingItAndFailuresAreNotRetriedMeanwhile() {
        try (GraphqlTestServer flaky = UserService.start()) {
            flaky.override(r -> new GraphqlTestServer.Answer(503, "{\"errors\": [{\"message\": \"starting up\"}]}"));
            String doc = "{\"version\": 3, \"sources\": " + engine.exportWithVersion().at("/metadata/sources")
                    + ", \"remote_schemas\": [{\"name\": \"flaky\", \"definition\": " + url(flaky) + "}]}";
            JsonNode answer = engine.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": "
                    + "{\"allow_inconsistent_metadata\": true, \"metadata\": " + doc + "}}");
            assertThat(answer.at("/inconsistent_objects/0/reason").asText()).isEqualTo("Inconsistent object: Error in $: key \"data\" not found");
            flaky.reset();
            engine.metadataOk(track("people", null));
            engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {}}");
            assertThat(flaky.requestCount()).isZero();
            flaky.override(null);
            JsonNode reloaded = engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": true}}");
            assertThat(reloaded).isEqualTo(Json.parse("{\"message\": \"success\", \"is_consistent\": true}"));
            assertThat(flaky.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void reloadMetadataIntrospectsOnlyTheRemoteSchemasItIsAskedTo() {
        engine.metadataOk(add("users", url(users)));
        engine.metadataOk(add("zoo", url(zoo)));
        users.reset();
        zoo.reset();
        engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": false}}");
        assertThat(users.requestCount() + zoo.requestCount()).isZero();
        engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": [\"zoo\"]}}");
        assertThat(users.requestCount()).isZero();
        assertThat(zoo.requestCount()).isEqualTo(1);
        engine.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": true}}");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(zoo.requestCount()).isEqualTo(2);
    }

    @Test
    void remoteSchemasRoundTripThroughExportAndReplace() {
        engine.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"comment\": \"people\", \"definition\": "
                + "{\"url\": \"" + users.url() + "\", \"headers\": [{\"name\": \"X-A\", \"value\": \"b\"}], \"timeout_seconds\": 5,"
                + " \"forward_client_headers\": true, \"customization\": {\"root_fields_namespace\": \"u\", \"type_names\": "
                + "{\"prefix\": \"U_\", \"suffix\": \"\", \"mapping\": {}}, \"field_names\": [{\"parent_type\": \"User\", "
                + "\"prefix\": \"\", \"suffix\": \"\", \"mapping\": {\"name\": \"fullName\"}}]}}}}");
        JsonNode exported = engine.exportWithVersion();
        engine.metadataOk("{\"type\": \"clear_metadata\", \"args\": {}}");
        engine.metadataOk("{\"type\": \"replace_metadata\", \"args\": " + exported.get("metadata") + "}");
        JsonNode again = engine.exportWithVersion();
        assertThat(again.get("metadata")).isEqualTo(exported.get("metadata"));
        assertThat(again.get("resource_version").asLong()).isGreaterThan(exported.get("resource_version").asLong());
        ObjectNode wrapped = Json.object();
        wrapped.set("metadata", exported.get("metadata"));
        users.reset();
        engine.metadataOk("{\"type\": \"replace_metadata\", \"version\": 2, \"args\": " + wrapped + "}");
        assertThat(users.requestCount()).isZero();
    }

    @Test
    void aMalformedRemoteDefinitionInReplaceMetadataIsAParseError() {
        String doc = "{\"version\": 3, \"sources\": " + engine.exportWithVersion().at("/metadata/sources")
                + ", \"remote_schemas\": [{\"name\": \"x\", \"definition\": {\"timeout_seconds\": 5}}]}";
        JsonNode error = refused("{\"type\": \"replace_metadata\", \"args\": " + doc + "}", "invalid-params",
                "both `url` and `url_from_env` can't be empty");
        assertThat(error.get("path").asText()).isEqualTo("$.args.remote_schemas[0].definition");
    }
}
