package junction.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import junction.json.Json;
import junction.server.ServerConfig;
import junction.test.EngineFixture;
import junction.test.Http;
import junction.test.remote.ErrorService;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.SlowService;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What travels with a call to a remote schema for root fields, and what comes back when it goes
 * wrong: configured headers, session variables and forwarded client headers; timeouts; the
 * remote's own errors; remotes that are down or unreachable at start-up; cookies.
 */
class RemoteCallsTest {
    static GraphqlTestServer users;
    static GraphqlTestServer forwarding;
    static GraphqlTestServer errors;
    static GraphqlTestServer slow;
    static GraphqlTestServer cookies;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        users = UserService.start();
        forwarding = UserService.start();
        errors = ErrorService.start();
        slow = SlowService.start(Duration.ZERO);
        cookies = UserService.start();
        engine = EngineFixture.start("remote_calls", RemoteCallsTest::withUsersKey);
        engine.runSqlOk("create table orders (id serial primary key, total int not null);"
                + "insert into orders (total) values (10), (20)");
        engine.metadataOk("{\"type\": \"pg_track_table\", \"args\": {\"table\": \"orders\"}}");
        engine.metadataOk(add("users", "{\"url\": \"" + users.url() + "\", \"headers\": [{\"name\": \"X-Api-Key\","
                + " \"value\": \"k1\"}, {\"name\": \"X-Env\", \"value_from_env\": \"USERS_KEY\"}]}"));
        engine.metadataOk(add("forwarding", "{\"url\": \"" + forwarding.url() + "\", \"forward_client_headers\": true,"
                + " \"headers\": [{\"name\": \"X-Api-Key\", \"value\": \"configured\"}], " + namespace("fwd") + "}"));
        engine.metadataOk(add("errors", "{\"url\": \"" + errors.url() + "\"}"));
        engine.metadataOk(add("slow", "{\"url\": \"" + slow.url() + "\", \"timeout_seconds\": 1, " + namespace("slow") + "}"));
        engine.metadataOk(add("cookies", "{\"url\": \"" + cookies.url() + "\", " + namespace("cookies") + "}"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        for (GraphqlTestServer server : List.of(users, forwarding, errors, slow, cookies)) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        for (GraphqlTestServer server : List.of(users, forwarding, errors, slow, cookies)) {
            server.delay(Duration.ZERO).override(null).reset();
        }
    }

    /** A limit on answers far below the 200 MB a test remote sends. */
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    /**
     * The environment has the variable a configured header of {@code users} is read from; answers
     * are limited to {@link #MAX_RESPONSE_BYTES}.
     */
    static ServerConfig withUsersKey(ServerConfig c) {
        return c.withEnv("USERS_KEY", "from-env").withRemoteLimits(c.remoteLimits().withMaxResponseBytes(MAX_RESPONSE_BYTES));
    }

    static String add(String name, String definition) {
        return "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"" + name + "\", \"definition\": " + definition + "}}";
    }

    static String namespace(String name) {
        return "\"customization\": {\"root_fields_namespace\": \"" + name + "\", \"type_names\": {\"prefix\": \"" + name + "_\"}}";
    }

    static Http.Response post(String query, Map<String, String> headers) {
        Http.Response r = engine.graphql(query, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void configuredHeadersAndSessionVariablesAreSentButNotTheClientsOwnHeaders() {
        JsonNode answer = post("{ user(id: 1) { id } }", Map.of("x-hasura-role", "user", "X-Hasura-User-Id", "7",
                "x-custom", "c", "authorization", "Bearer t")).json();
        assertThat(answer).isEqualTo(Json.parse("{\"data\": {\"user\": {\"id\": 1}}}"));
        Map<String, String> sent = users.lastHeaders();
        assertThat(sent).containsEntry("x-api-key", "k1").containsEntry("x-env", "from-env")
                .containsEntry("x-hasura-role", "user").containsEntry("x-hasura-user-id", "7")
                .containsEntry("content-type", "application/json")
                .doesNotContainKeys("x-custom", "authorization");
        assertThat(users.lastRequest().allHeaders().keySet()).as("section 9's headers and the transport's, no proxy-connection")
                .containsExactlyInAnyOrder("host", "content-length", "connection", "content-type", "user-agent", "x-api-key",
                        "x-env", "x-hasura-role", "x-hasura-user-id");
        post("{ user(id: 1) { id } }", Map.of());
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "admin");
    }

    @Test
    void forwardClientHeadersForwardsTheClientsHeadersButNotHopByHopOnes() {
        post("{ fwd { user(id: 1) { id } } }", Map.of("x-custom", "c", "authorization", "Bearer t", "keep-alive", "timeout=5",
                "proxy-authorization", "Basic p", "x-api-key", "from-client", "x-hasura-user-id", "9", "user-agent", "tester"));
        Map<String, String> sent = forwarding.lastHeaders();
        assertThat(sent).containsEntry("x-custom", "c").containsEntry("authorization", "Bearer t")
                .containsEntry("x-api-key", "configured").containsEntry("x-hasura-user-id", "9")
                .containsEntry("x-hasura-role", "admin").containsEntry("x-forwarded-user-agent", "tester")
                .doesNotContainKeys("keep-alive", "proxy-authorization", "http2-settings");
    }

    @Test
    void timeoutSecondsIsHonouredAndOnlyAdminsSeeTheInternalError() {
        slow.delay(Duration.ofSeconds(3));
        long started = System.nanoTime();
        JsonNode admin = post("{ orders { id } slow { user(id: 1) { id } } }", Map.of()).json();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(admin.has("data")).isFalse();
        assertThat(admin.at("/errors/0/message").asText())
                .isEqualTo("HTTP exception occurred while sending the request to " + slow.url());
        assertThat(admin.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(admin.at("/errors/0/extensions/path").asText()).isEqualTo("$");
        assertThat(admin.at("/errors/0/extensions/internal/type").asText()).isEqualTo("http_exception");
        JsonNode user = post("{ slow { user(id: 1) { id } } }", Map.of("x-hasura-role", "user")).json();
        assertThat(user.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(user.at("/errors/0/extensions").has("internal")).isFalse();
    }

    @Test
    void aRemotesOwnErrorsAreTheAnswerWithNullDataAsHasuraAnswers() {
        JsonNode failed = post("{ ok fail }", Map.of()).json();
        assertThat(failed.get("data").isNull()).isTrue();
        assertThat(failed.get("errors")).hasSize(1);
        assertThat(failed.at("/errors/0/message").asText()).endsWith("the remote failed on purpose");
        assertThat(failed.at("/errors/0/path")).isEqualTo(Json.parse("[\"fail\"]"));
        assertThat(failed.at("/errors/0/extensions/code").asText()).isEqualTo("remote-failure");
        JsonNode partial = post("{ orders { id } item { id broken } }", Map.of()).json();
        assertThat(partial.get("data").isNull()).as("the remote's partial data is not kept").isTrue();
        assertThat(partial.at("/errors/0/path")).isEqualTo(Json.parse("[\"item\", \"broken\"]"));
        JsonNode required = post("{ required }", Map.of()).json();
        assertThat(required.get("data").isNull()).isTrue();
        assertThat(required.at("/errors/0/path")).isEqualTo(Json.parse("[\"required\"]"));
        assertThat(post("{ ok }", Map.of()).json()).isEqualTo(Json.parse("{\"data\": {\"ok\": \"fine\"}}"));
    }

    @Test
    void aRemoteThatIsDownFailsTheRequestsThatUseItAndNoOthers() {
        try (GraphqlTestServer doomed = UserService.start()) {
            engine.metadataOk(add("down", "{\"url\": \"" + doomed.url() + "\", " + namespace("down") + "}"));
            doomed.close();
            JsonNode failed = post("{ orders { id } down { user(id: 1) { id } } }", Map.of()).json();
            assertThat(failed.has("data")).isFalse();
            assertThat(failed.at("/errors/0/message").asText())
                    .isEqualTo("HTTP exception occurred while sending the request to " + doomed.url());
            assertThat(failed.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
            assertThat(failed.at("/errors/0/extensions/internal/message").asText()).isNotBlank();
            assertThat(post("{ orders { id } user(id: 2) { name } }", Map.of()).json()).isEqualTo(Json.parse(
                    "{\"data\": {\"orders\": [{\"id\": 1}, {\"id\": 2}], \"user\": {\"name\": \"user2\"}}}"));
        } finally {
            engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"down\"}}");
        }
    }

    @Test
    void aRemoteAnsweringWithoutJsonOrWithoutTheFieldIsARemoteSchemaError() {
        cookies.override(r -> new GraphqlTestServer.Answer(502, "<html>bad gateway</html>"));
        JsonNode answer = post("{ cookies { user(id: 1) { id } } }", Map.of()).json();
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(answer.at("/errors/0/extensions/internal/status").asInt()).isEqualTo(502);
        users.override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"other\": 1}}"));
        JsonNode missing = post("{ orders { id } user(id: 1) { id } }", Map.of()).json();
        assertThat(missing).isEqualTo(Json.parse("{\"errors\": [{\"message\": \"expecting key user\","
                + " \"extensions\": {\"path\": \"$\", \"code\": \"remote-schema-error\"}}]}"));
    }

    @Test
    void setCookieFromARemoteRootFieldIsPassedBackToTheClient() {
        cookies.override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"user\": {\"id\": 1}}}",
                Map.of("Set-Cookie", List.of("session=abc; Path=/; HttpOnly", "theme=dark"))));
        Http.Response r = post("{ orders { id } cookies { user(id: 1) { id } } }", Map.of());
        assertThat(r.json()).isEqualTo(Json.parse("{\"data\": {\"orders\": [{\"id\": 1}, {\"id\": 2}],"
                + " \"cookies\": {\"user\": {\"id\": 1}}}}"));
        assertThat(r.headers().allValues("set-cookie")).containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");
        Http.Response batch = engine.http.post("/v1/graphql", "[{\"query\": \"{ cookies { user(id: 1) { id } } }\"}]");
        assertThat(batch.json().at("/0/data/cookies/user/id").asInt()).isEqualTo(1);
        assertThat(batch.headers().allValues("set-cookie")).as("a batch passes no cookies on, as Hasura").isEmpty();
        assertThat(post("{ orders { id } }", Map.of()).headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void aRemoteUnreachableAtStartUpIsAbsentFromTheSchemaAndTheRestWorks() {
        GraphqlTestServer doomed = UserService.start();
        engine.metadataOk(add("doomed", "{\"url\": \"" + doomed.url() + "\", " + namespace("doomed") + "}"));
        doomed.close();
        try (EngineFixture restarted = EngineFixture.on(engine.databaseUrl, RemoteCallsTest::withUsersKey)) {
            JsonNode absent = restarted.gql("{ doomed { user(id: 1) { id } } }");
            assertThat(absent).isEqualTo(Json.parse("{\"errors\": [{\"message\": \"field 'doomed' not found in type:"
                    + " 'query_root'\", \"extensions\": {\"path\": \"$.selectionSet.doomed\", \"code\": \"validation-failed\"}}]}"));
            assertThat(restarted.gql("{ orders(limit: 1) { id } user(id: 3) { name } }")).isEqualTo(Json.parse(
                    "{\"data\": {\"orders\": [{\"id\": 1}], \"user\": {\"name\": \"user3\"}}}"));
        } finally {
            engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"doomed\"}}");
        }
    }

    @Test
    void timeoutSecondsBoundsTheWholeCallEvenWhenTheRemoteTricklesItsAnswer() {
        slow.override(r -> r.query().contains("__schema") ? null
                : GraphqlTestServer.Answer.trickling("{\"data\": {\"user\": {\"id\": 1}}}" + " ".repeat(200), Duration.ofMillis(200)));
        long started = System.nanoTime();
        JsonNode answer = post("{ orders { id } slow { user(id: 1) { id } } }", Map.of()).json();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("timeout_seconds 1, plus a margin")
                .isLessThan(Duration.ofMillis(2200));
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/message").asText())
                .isEqualTo("HTTP exception occurred while sending the request to " + slow.url());
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
    }

    @Test
    void aRemoteThatHangsDoesNotStarveAnotherOnTheSameHostAndPort() throws Exception {
        users.override(r -> r.path().equals("/hanging") && !r.query().contains("__schema") ? GraphqlTestServer.Answer.hanging(Duration.ofSeconds(8)) : null);
        engine.metadataOk(add("hanging", "{\"url\": \"" + users.url("/hanging") + "\", \"timeout_seconds\": 4, "
                + namespace("hanging") + "}"));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            long started = System.nanoTime();
            List<Future<Http.Response>> hung = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                hung.add(clients.submit(() -> engine.graphql("{ hanging { user(id: 1) { id } } }", Map.of())));
            }
            Thread.sleep(500);
            long healthy = System.nanoTime();
            assertThat(post("{ user(id: 2) { name } }", Map.of()).json())
                    .isEqualTo(Json.parse("{\"data\": {\"user\": {\"name\": \"user2\"}}}"));
            assertThat(Duration.ofNanos(System.nanoTime() - healthy)).as("the healthy remote answers at once")
                    .isLessThan(Duration.ofMillis(2000));
            for (Future<Http.Response> call : hung) {
                JsonNode failed = call.get().json();
                assertThat(failed.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
                assertThat(failed.at("/errors/0/message").asText())
                        .isEqualTo("HTTP exception occurred while sending the request to " + users.url("/hanging"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("each hung call, queued or not, ends at its deadline")
                    .isLessThan(Duration.ofMillis(6500));
        } finally {
            engine.metadataOk("{\"type\": \"remove_remote_schema\", \"args\": {\"name\": \"hanging\"}}");
        }
    }

    @Test
    void anAnswerLargerThanTheLimitFailsThatCallUnread() {
        AtomicLong written = new AtomicLong();
        cookies.override(r -> r.query().contains("__schema") ? null : GraphqlTestServer.Answer.huge(200L * 1024 * 1024, written));
        JsonNode answer = post("{ cookies { user(id: 1) { name } } }", Map.of()).json();
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("response too large: the answer of the remote server at "
                + cookies.url() + " exceeds " + MAX_RESPONSE_BYTES + " bytes");
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(answer.at("/errors/0/extensions/internal/setting").asText()).isEqualTo("JUNCTION_REMOTE_MAX_RESPONSE_BYTES");
        assertThat(written.get()).as("read up to the limit, not to the end").isLessThan(MAX_RESPONSE_BYTES + 32L * 1024 * 1024);
        cookies.override(null);
        assertThat(post("{ cookies { user(id: 1) { id } } }", Map.of()).json())
                .isEqualTo(Json.parse("{\"data\": {\"cookies\": {\"user\": {\"id\": 1}}}}"));
    }

    @Test
    void anHttpErrorStatusWithAJsonBodyWithoutErrorsIsARemoteSchemaError() {
        users.override(r -> new GraphqlTestServer.Answer(500, "{\"data\": {\"user\": {\"id\": 1}}}"));
        JsonNode answer = post("{ orders { id } user(id: 1) { id } }", Map.of()).json();
        assertThat(answer.has("data")).isFalse();
        assertThat(answer.at("/errors/0/message").asText())
                .isEqualTo("HTTP exception occurred while sending the request to " + users.url());
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("remote-schema-error");
        assertThat(answer.at("/errors/0/extensions/internal/status").asInt()).isEqualTo(500);
    }
}
