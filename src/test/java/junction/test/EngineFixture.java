package junction.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;
import junction.json.Json;
import junction.server.Engine;
import junction.server.ServerConfig;

/**
 * A running engine on an ephemeral port over a fresh database, started exactly as
 * {@code junction serve} starts it, with helpers for the APIs tests speak to.
 */
public final class EngineFixture implements AutoCloseable {
    public final String databaseUrl;
    public final Engine engine;
    public final Http http;

    private EngineFixture(String databaseUrl, Engine engine) {
        this.databaseUrl = databaseUrl;
        this.engine = engine;
        this.http = new Http("http://localhost:" + engine.port());
    }

    public static EngineFixture start(String hint) {
        return start(hint, c -> c);
    }

    public static EngineFixture start(String hint, UnaryOperator<ServerConfig> configure) {
        String url = TestPostgres.newDatabase(hint);
        return on(url, configure);
    }

    /** Another engine over an existing database (a second replica, or a restart). */
    public static EngineFixture on(String databaseUrl, UnaryOperator<ServerConfig> configure) {
        return on(databaseUrl, configure, Engine::start);
    }

    /** An engine started by {@code starter} (as {@code serve} starts it, with a project directory applied first). */
    public interface Starter {
        Engine start(ServerConfig config) throws Exception;
    }

    public static EngineFixture on(String databaseUrl, UnaryOperator<ServerConfig> configure, Starter starter) {
        // log lines are for operators: a test that reads them gives its own sink (withLog)
        ServerConfig config = configure.apply(ServerConfig.forDatabase(databaseUrl).toBuilder().port(0)
                .logSink(java.io.OutputStream.nullOutputStream()).build());
        try {
            return new EngineFixture(databaseUrl, starter.start(config));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST /v1/metadata; returns the response whatever its status. */
    public Http.Response metadata(String body) {
        return http.post("/v1/metadata", body);
    }

    /** POST /v1/metadata and require 200. */
    public JsonNode metadataOk(String body) {
        Http.Response r = metadata(body);
        if (r.status() != 200) {
            throw new AssertionError("metadata call failed: " + r.status() + " " + r.body() + "\nrequest: " + body);
        }
        return r.json();
    }

    /**
     * POST /v1/metadata expecting a refusal: fails if it succeeds or if the exported metadata or its
     * resource version changed. Returns the error to check.
     */
    public ApiError refused(String body) {
        return refused(() -> metadata(body));
    }

    /** Runs {@code call}, expecting an error answer that changed neither metadata nor resource version. */
    public ApiError refused(java.util.function.Supplier<Http.Response> call) {
        JsonNode before = exportWithVersion();
        Http.Response r = call.get();
        if (r.status() == 200) {
            throw new AssertionError("expected an error but got 200: " + r.body());
        }
        JsonNode after = exportWithVersion();
        if (!after.equals(before)) {
            throw new AssertionError("metadata changed by a refused request\nbefore: " + before + "\nafter:  " + after);
        }
        return ApiError.of(r);
    }

    /** export_metadata (version 1): the metadata document. */
    public JsonNode export() {
        return metadataOk("{\"type\":\"export_metadata\",\"args\":{}}");
    }

    /** POST /v2/query with a run_sql whose args are given as JSON. */
    public Http.Response runSqlWith(String argsJson) {
        return http.post("/v2/query", "{\"type\":\"run_sql\",\"args\":" + argsJson + "}");
    }

    public Http.Response runSql(String sql) {
        return http.post("/v2/query", Json.write(Json.object().put("type", "run_sql")
                .set("args", Json.object().put("sql", sql))));
    }

    public JsonNode runSqlOk(String sql) {
        Http.Response r = runSql(sql);
        if (r.status() != 200) {
            throw new AssertionError("run_sql failed: " + r.status() + " " + r.body() + "\nsql: " + sql);
        }
        return r.json();
    }

    /** export_metadata v2: the document and its resource version, to compare before and after. */
    public JsonNode exportWithVersion() {
        return metadataOk("{\"type\":\"export_metadata\",\"version\":2,\"args\":{}}");
    }

    public Http.Response graphql(String query, Map<String, String> headers) {
        return http.post("/v1/graphql", Json.write(Json.object().put("query", query)), headers);
    }

    /** POST /v1/graphql with query, variables (JSON text or null) and operation name (or null); the parsed answer. */
    public JsonNode gql(String query, String variables, String operationName) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("query", query);
        if (variables != null) {
            body.set("variables", Json.parse(variables));
        }
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        Http.Response r = http.post("/v1/graphql", Json.write(body));
        if (r.status() != 200) {
            throw new AssertionError("graphql answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    public JsonNode gql(String query) {
        return gql(query, null, null);
    }

    @Override
    public void close() {
        engine.close();
    }
}
