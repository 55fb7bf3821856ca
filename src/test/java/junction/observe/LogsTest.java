package junction.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import junction.json.Json;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structured logs over HTTP: Hasura's line shape and types, request ids, levels, the types enabled. */
class LogsTest {
    static final LogLines LOG = new LogLines();
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = EngineFixture.start("logs", c -> c.withLog(LOG, Set.of("startup", "http-log", "query-log"), LogLevel.INFO));
        engine.runSqlOk("create table notes (id int primary key, body text); insert into notes values (1, 'hello')");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"notes\"}}");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Http.Response query(String body, Map<String, String> headers) {
        return engine.http.post("/v1/graphql", body, headers);
    }

    @Test
    void everyLineHasHasurasShapeAndTheStartupLineTellsTheSettings() {
        JsonNode startup = LOG.await("startup", l -> l.at("/detail/kind").asText().equals("server_configuration"));
        assertThat(startup.at("/detail/info/port").asInt()).isEqualTo(engine.engine.port());
        assertThat(startup.at("/detail/info/log_level").asText()).isEqualTo("info");
        for (JsonNode line : LOG.all()) {
            assertThat(line.properties().stream().map(Map.Entry::getKey)).containsExactly("type", "timestamp", "level", "detail");
            assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        }
    }

    @Test
    void aRequestIsLoggedWithItsRequestIdRoleAndOperationAndItsSql() {
        Http.Response r = query("{\"query\": \"query Note { notes_by_pk(id: 1) { body } }\", \"operationName\": \"Note\"}",
                Map.of("x-request-id", "log-test-1"));
        assertThat(r.json()).isEqualTo(Json.parse("{\"data\": {\"notes_by_pk\": {\"body\": \"hello\"}}}"));
        assertThat(r.headers().firstValue("x-request-id")).hasValue("log-test-1");
        JsonNode http = LOG.await("http-log", l -> l.at("/detail/request_id").asText().equals("log-test-1"));
        assertThat(http.get("level").asText()).isEqualTo("info");
        assertThat(http.at("/detail/http_info/status").asInt()).isEqualTo(200);
        assertThat(http.at("/detail/http_info/method").asText()).isEqualTo("POST");
        assertThat(http.at("/detail/http_info/url").asText()).isEqualTo("/v1/graphql");
        assertThat(http.at("/detail/operation/user_vars/x-hasura-role").asText()).isEqualTo("admin");
        assertThat(http.at("/detail/operation/query/operationName").asText()).isEqualTo("Note");
        assertThat(http.at("/detail/operation/operation_type").asText()).isEqualTo("query");
        assertThat(http.at("/detail/operation/query_execution_time").isNumber()).isTrue();
        assertThat(http.at("/detail/operation/error").isMissingNode()).isTrue();
        JsonNode query = LOG.await("query-log", l -> l.at("/detail/request_id").asText().equals("log-test-1"));
        assertThat(query.at("/detail/kind").asText()).isEqualTo("database");
        assertThat(query.at("/detail/query/operationName").asText()).isEqualTo("Note");
        assertThat(query.at("/detail/generated_sql/default/query").asText()).containsIgnoringCase("select").contains("\"notes\"");
    }

    @Test
    void aRequestWithoutAnIdGetsOneAndAMutationIsLoggedAsOne() {
        Http.Response r = query("{\"query\": \"mutation { insert_notes_one(object: {id: 2, body: \\\"b\\\"}) { id } }\"}", Map.of());
        assertThat(r.body()).contains("\"id\":2");
        String id = r.headers().firstValue("x-request-id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        JsonNode http = LOG.await("http-log", l -> l.at("/detail/request_id").asText().equals(id));
        assertThat(http.at("/detail/operation/operation_type").asText()).isEqualTo("mutation");
        JsonNode query = LOG.await("query-log", l -> l.at("/detail/request_id").asText().equals(id));
        assertThat(query.at("/detail/generated_sql/mutations/0").asText()).containsIgnoringCase("insert");
    }

    @Test
    void anErrorIsLoggedAtErrorLevelWithItsCode() {
        Http.Response r = query("{\"query\": \"{ notes { nope } }\"}", Map.of("x-request-id", "log-test-error"));
        assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("validation-failed");
        JsonNode http = LOG.await("http-log", l -> l.at("/detail/request_id").asText().equals("log-test-error"));
        assertThat(http.get("level").asText()).isEqualTo("error");
        assertThat(http.at("/detail/operation/error/code").asText()).isEqualTo("validation-failed");
        assertThat(http.at("/detail/http_info/status").asInt()).isEqualTo(200);

        Http.Response refused = engine.http.post("/v1/metadata", "{\"type\": \"no_such_command\", \"args\": {}}",
                Map.of("x-request-id", "log-test-metadata-error"));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode metadata = LOG.await("http-log", l -> l.at("/detail/request_id").asText().equals("log-test-metadata-error"));
        assertThat(metadata.get("level").asText()).isEqualTo("error");
        assertThat(metadata.at("/detail/http_info/status").asInt()).isEqualTo(400);
        assertThat(metadata.at("/detail/operation/error/code").asText()).isEqualTo(refused.json().get("code").asText());
    }

    @Test
    void aMetadataChangeIsLoggedWithItsResourceVersion() {
        engine.runSqlOk("create table tags (id int primary key)");
        long before = engine.engine.metadata().snapshot().resourceVersion();
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"tags\"}}");
        long after = engine.engine.metadata().snapshot().resourceVersion();
        JsonNode line = LOG.await("metadata", l -> l.at("/detail/info/resource_version").asLong() == after);
        assertThat(line.get("level").asText()).isEqualTo("info");
        assertThat(line.at("/detail/message").asText()).isEqualTo("metadata changed");
        assertThat(line.at("/detail/info/previous_resource_version").asLong()).isEqualTo(before);
    }

    @Test
    void aRemoteJoinsRequestIsInTheQueryLogsRemoteCalls() {
        try (GraphqlTestServer users = UserService.start()) {
            engine.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users_log\", \"definition\": {\"url\": \""
                    + users.url() + "\"}}}");
            engine.runSqlOk("create table log_orders (id int primary key, user_id int); insert into log_orders values (1, 7), (2, 8)");
            engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"log_orders\"}}");
            engine.metadataOk("{\"type\": \"pg_create_remote_relationship\", \"args\": {\"table\": \"log_orders\", \"name\": \"buyer\","
                    + " \"definition\": {\"to_remote_schema\": {\"remote_schema\": \"users_log\", \"lhs_fields\": [\"user_id\"],"
                    + " \"remote_field\": {\"user\": {\"arguments\": {\"id\": \"$user_id\"}}}}}}}");
            Http.Response r = query("{\"query\": \"{ log_orders(order_by: {id: asc}) { id buyer { name } } }\"}",
                    Map.of("x-request-id", "log-test-join"));
            assertThat(r.status()).isEqualTo(200);
            JsonNode line = LOG.await("query-log", l -> l.at("/detail/request_id").asText().equals("log-test-join"));
            JsonNode call = line.at("/detail/remote_calls/0");
            assertThat(call.get("remote_schema").asText()).isEqualTo("users_log");
            assertThat(call.get("url").asText()).isEqualTo(users.url());
            assertThat(call.get("query").asText()).isEqualTo("{r0_0:user(id:7){name}r0_1:user(id:8){name}}");
            assertThat(call.get("remote_join").asBoolean()).isTrue();
            assertThat(line.at("/detail/remote_calls")).hasSize(1);
        }
    }

    @Test
    void anInconsistentRemoteIsAWarningWhenItBecomesInconsistentAndAtStart() {
        GraphqlTestServer users = UserService.start();
        String url = users.url();
        try (EngineFixture own = EngineFixture.start("logs_remote", c -> c.withLog(new LogLines(), Set.of(), LogLevel.INFO))) {
            LogLines log = new LogLines();
            own.metadataOk("{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"" + url + "\"}}}");
            users.close();
            try (EngineFixture restarted = EngineFixture.on(own.databaseUrl, c -> c.withLog(log, Set.of(), LogLevel.INFO))) {
                JsonNode warning = log.await("metadata", l -> l.get("level").asText().equals("warn"));
                assertThat(warning.at("/detail/message").asText()).isEqualTo("Inconsistent Metadata!");
                assertThat(warning.at("/detail/info/objects/0/type").asText()).isEqualTo("remote_schema");
                assertThat(warning.at("/detail/info/objects/0/definition/name").asText()).isEqualTo("users");
                assertThat(log.ofType("startup")).isEmpty();
                assertThat(log.ofType("http-log")).isEmpty();
            }
            LogLines ownLog = (LogLines) own.engine.config().logSink();
            assertThat(ownLog.ofType("metadata")).noneMatch(l -> l.get("level").asText().equals("warn"));
            own.metadataOk("{\"type\": \"reload_metadata\", \"args\": {\"reload_remote_schemas\": true}}");
            JsonNode warning = ownLog.await("metadata", l -> l.get("level").asText().equals("warn"));
            assertThat(warning.at("/detail/info/objects/0/reason").asText()).contains(url);
        }
    }

    @Test
    void theLevelLeavesOutLessSevereLines() {
        LogLines log = new LogLines();
        try (EngineFixture quiet = EngineFixture.start("logs_level", c -> c.withLog(log, Set.of("startup", "http-log"), LogLevel.WARN))) {
            quiet.http.post("/v1/graphql", "{\"query\": \"{ __typename }\"}", Map.of("x-request-id", "ok"));
            quiet.http.post("/v1/graphql", "{\"query\": \"{ nope }\"}", Map.of("x-request-id", "bad"));
            JsonNode error = log.await("http-log", l -> l.at("/detail/request_id").asText().equals("bad"));
            assertThat(error.get("level").asText()).isEqualTo("error");
            assertThat(log.all()).allMatch(l -> Set.of("warn", "error").contains(l.get("level").asText()));
        }
    }

    @Test
    void logTypesAreReadAsHasuraNamesThem() {
        assertThat(EngineLog.types("startup, http-log,query-log")).containsExactly("startup", "http-log", "query-log");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineLog.types("startup,nonsense"))
                .hasMessageContaining("nonsense");
    }
}
