package junction.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.Shop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failure the engine did not expect answers Hasura's {@code unexpected} with a generic message —
 * never the exception's text; the detail is logged, and shown as {@code internal} only to admins
 * when {@code HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS} (default on) or dev mode say so. Malformed JSON
 * bodies are answered without the parser's text.
 */
class UnexpectedErrorsTest {
    /** A JSON value nested deeper than the engine's JSON reader reads: the database answers it, the engine fails. */
    private static final String DEEP = "[".repeat(1500) + "]".repeat(1500);

    static EngineFixture engine;
    static EngineFixture hidingInternal;

    @BeforeAll
    static void start() {
        engine = Shop.start("unexpected_errors");
        engine.runSqlOk("insert into customers (name, meta) values ('deep', '" + DEEP + "')");
        hidingInternal = EngineFixture.on(engine.databaseUrl, c -> c.withAdminInternalErrors(false));
    }

    @AfterAll
    static void stop() {
        hidingInternal.close();
        engine.close();
    }

    /** Introspection beside a table makes the engine read the database's JSON, which it cannot. */
    private static final String FAILING = "{ __schema { queryType { name } } customers(where: {name: {_eq: \"deep\"}}) { meta } }";

    @Test
    void anUnexpectedFailureIsAGenericErrorWithDetailForAdmins() {
        JsonNode error = engine.gql(FAILING).at("/errors/0");
        assertThat(error.get("message").asText()).isEqualTo("unexpected error");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("unexpected");
        assertThat(error.at("/extensions/path").asText()).isEqualTo("$");
        assertThat(error.at("/extensions/internal/exception").asText()).isNotEmpty();
    }

    @Test
    void withoutAdminInternalErrorsNotEvenAnAdminSeesTheDetail() {
        Http.Response r = hidingInternal.http.post("/v1/graphql",
                junction.json.Json.write(junction.json.Json.object().put("query", FAILING)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"errors\":[{\"message\":\"unexpected error\",\"extensions\":{\"path\":\"$\","
                + "\"code\":\"unexpected\"}}]}");
    }

    @Test
    void malformedMetadataBodiesAreInvalidJsonWithoutTheParsersText() {
        assertInvalidJson(engine.refused("{\"type\": \"export_metadata\", \"args\": {").body(),
                "Error in $: not enough input");
        assertInvalidJson(engine.refused("{\"type\": secret_value}").body(),
                "Error in $: Failed reading: not a valid json value at line 1, column 10");
        assertInvalidJson(engine.refused("{\"type\": \"export_metadata\"} {}").body(), "Error in $: endOfInput");
        assertInvalidJson(engine.refused("[".repeat(5000)).body(),
                "Error in $: Failed reading: the value is nested too deeply or too long");
    }

    @Test
    void aMalformedGraphqlBodyIsInvalidJsonWithoutTheParsersText() {
        Http.Response r = engine.http.post("/v1/graphql", "{\"query\": secret_value}", Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"errors\":[{\"message\":\"Error in $: Failed reading: not a valid json value at "
                + "line 1, column 11\",\"extensions\":{\"path\":\"$\",\"code\":\"invalid-json\"}}]}");
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedByPostgresNotTurnedIntoABillionDigits() {
        JsonNode error = engine.gql("query($v: bigint) { orders(where: {big: {_eq: $v}}) { id } }",
                "{\"v\": 1e999999999}", null).at("/errors/0");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("data-exception");
        assertThat(error.get("message").asText()).isEqualTo("invalid input syntax for type bigint: \"1E+999999999\"");
    }

    @Test
    void aMalformedHttpRequestIsAnsweredWithJsonToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", engine.engine.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /v1/graphql HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/json")
                    .endsWith("{\"path\":\"$\",\"error\":\"bad request\",\"code\":\"bad-request\"}");
        }
    }

    private static void assertInvalidJson(String body, String message) {
        assertThat(body).isEqualTo("{\"path\":\"$\",\"error\":\"" + message + "\",\"code\":\"invalid-json\"}");
    }

    @Test
    void aMetadataStoreWithoutItsRowAnswersUnexpectedWithoutJavaText() {
        try (EngineFixture broken = EngineFixture.start("unexpected_store");
             EngineFixture hiding = EngineFixture.on(broken.databaseUrl, c -> c.withAdminInternalErrors(false))) {
            broken.runSqlWith("{\"sql\": \"delete from hdb_catalog.hdb_metadata\", \"check_metadata_consistency\": false}");
            Http.Response r = broken.metadata("{\"type\": \"export_metadata\", \"args\": {}}");
            assertThat(r.status()).isEqualTo(500);
            JsonNode answer = r.json();
            assertThat(answer.get("code").asText()).isEqualTo("unexpected");
            assertThat(answer.get("error").asText()).isEqualTo("unexpected error");
            assertThat(answer.at("/internal/exception").asText()).isNotEmpty();
            Http.Response hidden = hiding.metadata("{\"type\": \"export_metadata\", \"args\": {}}");
            assertThat(hidden.status()).isEqualTo(500);
            assertThat(hidden.body()).isEqualTo("{\"path\":\"$\",\"error\":\"unexpected error\",\"code\":\"unexpected\"}");
        }
    }
}
