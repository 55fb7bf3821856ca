package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import junction.error.ApiException;
import junction.error.Code;
import junction.test.remote.GraphqlTestServer;
import junction.test.remote.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteClientTest {
    static GraphqlTestServer users;
    static GraphqlTestServer slow;
    static RemoteClient client;

    @BeforeAll
    static void start() {
        users = UserService.start();
        slow = UserService.start();
        client = RemoteClient.create();
    }

    @AfterAll
    static void stop() {
        users.close();
        slow.close();
        client.close();
    }

    @BeforeEach
    void reset() {
        users.reset();
        slow.reset();
        slow.delay(Duration.ZERO);
    }

    static RemoteEndpoint endpoint(GraphqlTestServer server, Map<String, String> headers, boolean forward, Duration timeout) {
        return new RemoteEndpoint("users", URI.create(server.url()), server.url(), headers, forward, timeout);
    }

    static Map<String, String> clientHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer client-token");
        headers.put("X-Custom", "from-client");
        headers.put("Host", "junction.example");
        headers.put("User-Agent", "curl/8");
        headers.put("Origin", "https://app.example");
        headers.put("Connection", "keep-alive");
        headers.put("Keep-Alive", "timeout=5");
        headers.put("TE", "trailers");
        headers.put("Transfer-Encoding", "chunked");
        headers.put("Content-Length", "12");
        headers.put("Accept-Encoding", "gzip");
        headers.put("x-hasura-role", "hacker");
        headers.put("x-hasura-admin-secret", "s3cret");
        return headers;
    }

    @Test
    void aCallSendsTheQueryAndAnswersTheParsedBody() {
        RemoteResponse response = client.send(endpoint(users, Map.of(), false, Duration.ofSeconds(5)),
                RemoteCall.of("{ user(id: 2) { name } }"), Map.of(), Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/data/user/name").asText()).isEqualTo("user2");
        assertThat(users.requestCount()).isEqualTo(1);
        assertThat(users.lastRequest().query()).isEqualTo("{ user(id: 2) { name } }");
    }

    @Test
    void configuredHeadersWinOverSessionVariablesWhichWinOverClientHeaders() {
        Map<String, String> configured = Map.of("X-Custom", "configured", "x-hasura-user-id", "from-config");
        Map<String, String> session = Map.of("x-hasura-role", "user", "x-hasura-user-id", "7", "x-hasura-org", "acme");
        client.send(endpoint(users, configured, true, Duration.ofSeconds(5)), RemoteCall.of("{ users { id } }"), session,
                clientHeaders());
        assertThat(users.lastHeaders())
                .containsEntry("x-custom", "configured")
                .containsEntry("x-hasura-user-id", "from-config")
                .containsEntry("x-hasura-role", "user")
                .containsEntry("x-hasura-org", "acme")
                .containsEntry("authorization", "Bearer client-token")
                .containsEntry("x-forwarded-host", "junction.example")
                .containsEntry("x-forwarded-user-agent", "curl/8")
                .containsEntry("x-forwarded-origin", "https://app.example")
                .containsEntry("user-agent", "hasura-graphql-engine/junction")
                .containsEntry("content-type", "application/json")
                .doesNotContainKeys("keep-alive", "te", "transfer-encoding", "accept-encoding", "x-hasura-admin-secret",
                        "origin");
    }

    @Test
    void clientHeadersStayBehindUnlessForwardingIsOn() {
        client.send(endpoint(users, Map.of(), false, Duration.ofSeconds(5)), RemoteCall.of("{ users { id } }"),
                Map.of("x-hasura-role", "admin"), clientHeaders());
        assertThat(users.lastHeaders()).containsEntry("x-hasura-role", "admin")
                .doesNotContainKeys("authorization", "x-custom", "x-forwarded-host");
    }

    @Test
    void connectionsAreReused() {
        RemoteEndpoint endpoint = endpoint(users, Map.of(), false, Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            client.send(endpoint, RemoteCall.of("{ user(id: 1) { id } }"), Map.of(), Map.of());
        }
        assertThat(users.requests().stream().map(GraphqlTestServer.Received::clientPort).distinct()).hasSize(1);
    }

    @Test
    void aRemoteSlowerThanTheTimeoutIsAnHttpException() {
        slow.delay(Duration.ofSeconds(2));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.send(endpoint(slow, Map.of(), false, Duration.ofMillis(300)),
                RemoteCall.of("{ users { id } }"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                    assertThat(e.getMessage()).isEqualTo("HTTP exception occurred while sending the request to " + slow.url());
                    assertThat(e.internal().path("type").asText()).isEqualTo("http_exception");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void anUnreachableRemoteIsAnHttpException() {
        RemoteEndpoint gone = new RemoteEndpoint("gone", URI.create("http://127.0.0.1:1/graphql"), "http://127.0.0.1:1/graphql",
                Map.of(), false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.send(gone, RemoteCall.of("{ a }"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("HTTP exception occurred while sending the request to http://127.0.0.1:1/graphql"));
    }

    @Test
    void anAnswerThatIsNotJsonIsARemoteSchemaError() {
        try (GraphqlTestServer html = UserService.start().override(r -> new GraphqlTestServer.Answer(502, "<html>bad gateway</html>"))) {
            assertThatThrownBy(() -> client.send(endpoint(html, Map.of(), false, Duration.ofSeconds(5)),
                    RemoteCall.of("{ a }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                        assertThat(e.internal().path("status").asInt()).isEqualTo(502);
                    });
        }
    }

    @Test
    void concurrencyPerHostIsBounded() throws Exception {
        GraphqlTestServer server = UserService.start().delay(Duration.ofMillis(150));
        try (server; RemoteClient bounded = new RemoteClient(new HelidonTransport(), 2);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteEndpoint endpoint = endpoint(server, Map.of(), false, Duration.ofSeconds(10));
            List<Future<RemoteResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> bounded.send(endpoint, RemoteCall.of("{ users { id } }"), Map.of(), Map.of())));
            }
            for (Future<RemoteResponse> call : calls) {
                assertThat(call.get().status()).isEqualTo(200);
            }
        }
        assertThat(server.requestCount()).isEqualTo(6);
        assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    }
}
