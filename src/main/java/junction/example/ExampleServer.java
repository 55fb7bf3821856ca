package junction.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A GraphQL server for examples: executes every {@code POST /graphql} body ({@code query},
 * {@code variables}, {@code operationName}) against one schema with graphql-java, on virtual threads.
 */
public final class ExampleServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GraphQL graphql;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ExampleServer(GraphQLSchema schema, String host, int port) throws IOException {
        this.graphql = GraphQL.newGraphQL(schema).build();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        server.setExecutor(executor);
        server.createContext("/graphql", this::handle);
        server.start();
    }

    /** Serves {@code schema} at {@code http://host:port/graphql} (port 0: any free port). */
    public static ExampleServer start(GraphQLSchema schema, String host, int port) throws IOException {
        return new ExampleServer(schema, host, port);
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/graphql";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] answer = MAPPER.writeValueAsBytes(execute(read(exchange)));
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static JsonNode read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
        }
    }

    private Map<String, Object> execute(JsonNode body) {
        return graphql.execute(input(body)).toSpecification();
    }

    /** A GraphQL request body ({@code query}, {@code variables}, {@code operationName}) as graphql-java's input. */
    @SuppressWarnings("unchecked")
    public static ExecutionInput input(JsonNode body) {
        Map<String, Object> variables = body.hasNonNull("variables")
                ? MAPPER.convertValue(body.get("variables"), Map.class) : Map.of();
        return ExecutionInput.newExecutionInput()
                .query(body.path("query").asText())
                .operationName(body.hasNonNull("operationName") ? body.get("operationName").asText() : null)
                .variables(variables)
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
