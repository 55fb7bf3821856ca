package junction.test.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A real GraphQL server over HTTP on an ephemeral port, executing with graphql-java. It counts the
 * requests it receives and remembers the headers and body of the last ones (at most
 * {@link #DEFAULT_RECORDED}, or as set by {@link #recording}), so tests can assert batching and
 * header forwarding. A delay slows every answer (for timeouts); an override replaces the answer
 * entirely (for servers that return garbage, or extra response headers).
 */
public final class GraphqlTestServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A request as the server saw it: lower-cased header names (first value of each), the JSON body,
     * the client's port (the same port for two requests means one reused connection), the URL's
     * path, and every value of every header.
     */
    public record Received(Map<String, String> headers, JsonNode body, int clientPort, String path,
                           Map<String, List<String>> allHeaders) {
        public String query() {
            return body.path("query").asText();
        }
    }

    /** Writes an answer's body as it likes: slowly, endlessly, or more than fits in memory. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * A raw answer: status, body text and extra response headers; or, with {@code stream}, a body
     * sent chunked as the writer writes it.
     */
    public record Answer(int status, String body, Map<String, List<String>> headers, BodyWriter stream) {
        public Answer(int status, String body) {
            this(status, body, Map.of(), null);
        }

        public Answer(int status, String body, Map<String, List<String>> headers) {
            this(status, body, headers, null);
        }

        /** A 200 whose body {@code text} arrives one byte every {@code perByte}. */
        /** {@code {"data": null}} after {@code duration}: a remote that hangs (the caller's deadline ends it first). */
        public static Answer hanging(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, "{\"data\": null}");
        }

        public static Answer trickling(String text, Duration perByte) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Answer(200, "", Map.of(), out -> {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(perByte);
                }
            });
        }

        /**
         * A 200 whose body is a JSON answer with one string of {@code bytes} characters, written in
         * 64 KB pieces (never held whole); {@code written} counts what the client took.
         */
        public static Answer huge(long bytes, AtomicLong written) {
            return new Answer(200, "", Map.of(), out -> {
                byte[] piece = new byte[64 * 1024];
                java.util.Arrays.fill(piece, (byte) 'a');
                out.write("{\"data\": {\"user\": {\"name\": \"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (long left = bytes; left > 0; left -= piece.length) {
                    int n = (int) Math.min(piece.length, left);
                    out.write(piece, 0, n);
                    written.addAndGet(n);
                }
                out.write("\"}}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
        }
    }

    public static final int DEFAULT_RECORDED = 1000;

    private final AtomicReference<GraphQL> graphql = new AtomicReference<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Function<Received, Answer>> override = new AtomicReference<>();
    private volatile int recorded = DEFAULT_RECORDED;

    public GraphqlTestServer(GraphQLSchema schema) {
        this(schema, "127.0.0.1", 0);
    }

    /** A server on {@code host:port} (port 0: any free port). */
    public GraphqlTestServer(GraphQLSchema schema, String host, int port) {
        this.graphql.set(GraphQL.newGraphQL(schema).build());
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext("/count", exchange -> {
            byte[] count = Integer.toString(requests.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, count.length);
            exchange.getResponseBody().write(count);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** A URL of this server with another path: for a second remote schema on the same host and port. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received since start or the last {@link #reset()}. */
    public int requestCount() {
        return requests.get();
    }

    public Received lastRequest() {
        synchronized (received) {
            return received.isEmpty() ? null : received.getLast();
        }
    }

    public Map<String, String> lastHeaders() {
        Received last = lastRequest();
        return last == null ? Map.of() : last.headers();
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The most requests this server was answering at once since start or {@link #reset()}. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    public void reset() {
        requests.set(0);
        maxInFlight.set(0);
        received.clear();
    }

    /** Remembers at most the last {@code max} requests (0: none, only counting them). */
    public GraphqlTestServer recording(int max) {
        recorded = max;
        received.clear();
        return this;
    }

    /** Every answer, introspection included, waits this long first. */
    public GraphqlTestServer delay(Duration newDelay) {
        delay.set(newDelay);
        return this;
    }

    /** From now on, executes with {@code schema} (a remote whose schema changed). */
    public GraphqlTestServer serve(GraphQLSchema schema) {
        graphql.set(GraphQL.newGraphQL(schema).build());
        return this;
    }

    /**
     * Answers every request with {@code answer(request)} instead of executing it (executing it
     * when that is null); a null function restores execution.
     */
    public GraphqlTestServer override(Function<Received, Answer> answer) {
        override.set(answer);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = read(exchange);
            requests.incrementAndGet();
            remember(request);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Answer answer;
            try {
                sleep(delay.get());
                Function<Received, Answer> custom = override.get();
                answer = custom != null ? custom.apply(request) : null;
                answer = answer != null ? answer : execute(request);
            } finally {
                inFlight.decrementAndGet();
            }
            if (answer.stream() != null) {
                stream(exchange, answer);
                return;
            }
            byte[] bytes = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void stream(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(answer.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            answer.stream().write(out);
        } catch (IOException e) {
            // the client hung up: what a misbehaving remote's client does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remember(Received request) {
        int max = recorded;
        if (max <= 0) {
            return;
        }
        synchronized (received) {
            received.add(request);
            while (received.size() > max) {
                received.removeFirst();
            }
        }
    }

    private static Received read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        Map<String, List<String>> all = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst());
            all.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
        });
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
        }
        return new Received(Collections.unmodifiableMap(headers), body, exchange.getRemoteAddress().getPort(),
                exchange.getRequestURI().getPath(), Collections.unmodifiableMap(all));
    }

    private Answer execute(Received request) {
        Map<String, Object> result = graphql.get().execute(junction.example.ExampleServer.input(request.body())).toSpecification();
        try {
            return new Answer(200, MAPPER.writeValueAsString(result));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JSON object node for building answers in tests. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
