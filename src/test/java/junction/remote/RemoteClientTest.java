package junction.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
        slow.delay(Duration.ZERO).override(null);
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
    void concurrencyPerRemoteSchemaIsBounded() throws Exception {
        GraphqlTestServer server = UserService.start().delay(Duration.ofMillis(150));
        try (server; RemoteClient bounded = new RemoteClient(new HelidonTransport(), RemoteLimits.DEFAULT.withMaxConnections(2));
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

    @Test
    void aRemoteTricklingItsBodyIsCutOffAtTheDeadline() {
        String answer = "{\"data\": {\"users\": [" + "{\"id\": 1}, ".repeat(20) + "{\"id\": 2}]}}";
        slow.override(r -> GraphqlTestServer.Answer.trickling(answer, Duration.ofMillis(200)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.send(endpoint(slow, Map.of(), false, Duration.ofSeconds(1)),
                RemoteCall.of("{ users { id } }"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                    assertThat(e.getMessage()).isEqualTo("HTTP exception occurred while sending the request to " + slow.url());
                    assertThat(e.internal().path("message").asText()).contains("timeout_seconds (1)");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
        slow.override(null);
    }

    @Test
    void aRemoteTricklingItsHeadersIsCutOffAtTheDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> trickleHeaders(server));
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/graphql";
            RemoteEndpoint endpoint = new RemoteEndpoint("trickle", URI.create(url), url, Map.of(), false, Duration.ofSeconds(1));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.send(endpoint, RemoteCall.of("{ a }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("HTTP exception occurred while sending the request to " + url));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
        }
    }

    /** Reads one request, then sends a status line and one header byte every 200 ms, for a minute. */
    private static void trickleHeaders(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 300; i++) {
                out.write(i == 0 ? 'X' : 'x');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up
        }
    }

    @Test
    void theDeadlineIncludesWaitingForAConnection() throws Exception {
        slow.delay(Duration.ofSeconds(5));
        try (RemoteClient single = new RemoteClient(new HelidonTransport(), RemoteLimits.DEFAULT.withMaxConnections(1));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteEndpoint endpoint = endpoint(slow, Map.of(), false, Duration.ofMillis(1500));
            Future<?> first = pool.submit(() -> single.send(endpoint, RemoteCall.of("{ users { id } }"), Map.of(), Map.of()));
            Thread.sleep(100);
            long started = System.nanoTime();
            assertThatThrownBy(() -> single.send(endpoint, RemoteCall.of("{ users { id } }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one deadline, queueing included")
                    .isLessThan(Duration.ofMillis(2300));
            assertThatThrownBy(first::get).hasCauseInstanceOf(ApiException.class);
        }
    }

    @Test
    void remoteSchemasOnOneHostAndPortDoNotShareTheirConnectionBound() throws Exception {
        GraphqlTestServer server = UserService.start();
        server.override(r -> r.path().equals("/hanging") ? GraphqlTestServer.Answer.hanging(Duration.ofSeconds(10)) : null);
        try (server; RemoteClient bounded = new RemoteClient(new HelidonTransport(), RemoteLimits.DEFAULT.withMaxConnections(2));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            RemoteEndpoint hanging = new RemoteEndpoint("hanging", URI.create(server.url("/hanging")), server.url("/hanging"),
                    Map.of(), false, Duration.ofSeconds(3));
            RemoteEndpoint healthy = new RemoteEndpoint("healthy", URI.create(server.url()), server.url(), Map.of(), false,
                    Duration.ofSeconds(1));
            List<Future<?>> hung = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                hung.add(pool.submit(() -> bounded.send(hanging, RemoteCall.of("{ users { id } }"), Map.of(), Map.of())));
            }
            Thread.sleep(200);
            long started = System.nanoTime();
            assertThat(bounded.send(healthy, RemoteCall.of("{ user(id: 1) { id } }"), Map.of(), Map.of()).status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            for (Future<?> call : hung) {
                assertThatThrownBy(call::get).hasCauseInstanceOf(ApiException.class);
            }
        }
    }

    @Test
    void anAnswerLargerThanTheLimitFailsTheCallWithoutBeingReadWhole() {
        AtomicLong written = new AtomicLong();
        try (GraphqlTestServer huge = UserService.start();
             RemoteClient limited = new RemoteClient(new HelidonTransport(), RemoteLimits.DEFAULT.withMaxResponseBytes(1_000_000))) {
            huge.override(r -> GraphqlTestServer.Answer.huge(200L * 1024 * 1024, written));
            RemoteEndpoint endpoint = endpoint(huge, Map.of(), false, Duration.ofSeconds(30));
            assertThatThrownBy(() -> limited.send(endpoint, RemoteCall.of("{ user(id: 1) { name } }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                        assertThat(e.getMessage()).isEqualTo("response too large: the answer of the remote server at "
                                + huge.url() + " exceeds 1000000 bytes");
                        assertThat(e.internal().path("setting").asText()).isEqualTo("JUNCTION_REMOTE_MAX_RESPONSE_BYTES");
                    });
            assertThat(written.get()).as("the rest was never read").isLessThan(50L * 1024 * 1024);

            huge.override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"user\": {\"name\": \""
                    + "b".repeat(2_000_000) + "\"}}}"));
            assertThatThrownBy(() -> limited.send(endpoint, RemoteCall.of("{ user(id: 1) { name } }"), Map.of(), Map.of()))
                    .as("a Content-Length past the limit fails before reading")
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).startsWith("response too large"));
            huge.override(r -> new GraphqlTestServer.Answer(200, "{\"data\": {\"user\": {\"name\": \""
                    + "c".repeat(900_000) + "\"}}}"));
            assertThat(limited.send(endpoint, RemoteCall.of("{ user(id: 1) { name } }"), Map.of(), Map.of())
                    .body().at("/data/user/name").asText()).hasSize(900_000);
        }
    }

    @Test
    void anHttpErrorStatusIsAnErrorUnlessTheBodyCarriesGraphqlErrors() {
        try (GraphqlTestServer failing = UserService.start()) {
            RemoteEndpoint endpoint = endpoint(failing, Map.of(), false, Duration.ofSeconds(5));
            failing.override(r -> new GraphqlTestServer.Answer(500, "{\"data\": {\"user\": {\"id\": 1}}}"));
            assertThatThrownBy(() -> client.send(endpoint, RemoteCall.of("{ user(id: 1) { id } }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.REMOTE_SCHEMA_ERROR);
                        assertThat(e.getMessage()).isEqualTo("HTTP exception occurred while sending the request to " + failing.url());
                        assertThat(e.internal().path("status").asInt()).isEqualTo(500);
                        assertThat(e.internal().path("type").asText()).isEqualTo("http_exception");
                    });
            failing.override(r -> new GraphqlTestServer.Answer(404, "{\"message\": \"no such route\"}"));
            assertThatThrownBy(() -> client.send(endpoint, RemoteCall.of("{ a }"), Map.of(), Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.internal().path("status").asInt()).isEqualTo(404));
            failing.override(r -> new GraphqlTestServer.Answer(400, "{\"errors\": [{\"message\": \"Cannot query field a\"}]}"));
            assertThat(client.send(endpoint, RemoteCall.of("{ a }"), Map.of(), Map.of()).body().at("/errors/0/message").asText())
                    .as("a GraphQL server's own errors are the answer, whatever the status").isEqualTo("Cannot query field a");
        }
    }

    @Test
    void theRemoteReceivesOnlyTheHeadersHasuraSends() {
        client.send(endpoint(users, Map.of("X-Api-Key", "k"), false, Duration.ofSeconds(5)), RemoteCall.of("{ users { id } }"),
                Map.of("x-hasura-role", "user", "x-hasura-user-id", "7"), clientHeaders());
        GraphqlTestServer.Received received = users.lastRequest();
        assertThat(received.allHeaders().keySet()).containsExactlyInAnyOrder("host", "content-length", "connection",
                "content-type", "user-agent", "x-api-key", "x-hasura-role", "x-hasura-user-id");
        assertThat(received.allHeaders().get("user-agent")).containsExactly("hasura-graphql-engine/junction");
        assertThat(received.allHeaders().get("connection")).containsExactly("keep-alive");
    }
}
