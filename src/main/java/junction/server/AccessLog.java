package junction.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import junction.error.ApiException;
import junction.execute.RequestTrace;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import junction.observe.Metrics;

/**
 * Every request's {@code x-request-id} (the client's, else a new one; sent back in the answer), its
 * {@link RequestTrace} for the handlers to fill in, and once answered its {@code query-log} and
 * {@code http-log} lines (Hasura's shape) and, for {@code /v1/graphql}, its metrics.
 */
final class AccessLog implements Filter {
    static final HeaderName REQUEST_ID = HeaderNames.create("x-request-id");
    private static final String GRAPHQL = "/v1/graphql";

    private final EngineLog log;
    private final Metrics metrics;

    AccessLog(EngineLog log, Metrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /** The trace of a request, {@link RequestTrace#NONE} outside this filter. */
    static RequestTrace trace(ServerRequest request) {
        return request.context().get(RequestTrace.class).orElse(RequestTrace.NONE);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        String id = request.headers().first(REQUEST_ID).orElseGet(RequestTrace::newRequestId);
        RequestTrace trace = new RequestTrace(id, log.enabled(EngineLog.QUERY, LogLevel.INFO));
        request.context().register(trace);
        response.header(REQUEST_ID, id);
        if (request.path().path().equals(GRAPHQL)) {
            // counted before the answer leaves: a client that scrapes right after its answer sees it counted
            response.beforeSend(() -> metrics.graphqlRequest(trace.operationType() == null ? "unknown" : trace.operationType(),
                    trace.error() == null ? "success" : "failed", System.nanoTime() - started));
        }
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - started;
            if (trace.queries() != null) {
                trace.queries().forEach(q -> log.write(EngineLog.QUERY, LogLevel.INFO, q));
            }
            LogLevel level = trace.error() != null || response.status().code() >= 400 ? LogLevel.ERROR : LogLevel.INFO;
            if (log.enabled(EngineLog.HTTP, level)) {
                log.write(EngineLog.HTTP, level, detail(request, response, trace, nanos));
            }
        }
    }

    /** Hasura's http-log detail: request id, operation (role, time, operation, error), http_info. */
    private static EngineLog.Detail detail(RoutingRequest request, RoutingResponse response, RequestTrace trace, long nanos) {
        return json -> {
            json.writeStartObject();
            json.writeStringField("request_id", trace.requestId());
            json.writeObjectFieldStart("operation");
            json.writeStringField("request_id", trace.requestId());
            if (trace.role() != null) {
                json.writeObjectFieldStart("user_vars");
                json.writeStringField("x-hasura-role", trace.role());
                json.writeEndObject();
            }
            json.writeNumberField("query_execution_time", nanos / 1e9);
            long size = request.headers().contentLength().orElse(-1);
            if (size >= 0) {
                json.writeNumberField("request_size", size);
            }
            if (trace.operationType() != null) {
                json.writeObjectFieldStart("query");
                json.writeStringField("operationName", trace.operationName());
                json.writeStringField("type", trace.operationType());
                json.writeEndObject();
                json.writeStringField("operation_type", trace.operationType());
            }
            ApiException error = trace.error();
            if (error != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("path", error.path());
                json.writeStringField("error", error.getMessage());
                json.writeStringField("code", error.code().text());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("http_info");
            json.writeNumberField("status", response.status().code());
            json.writeStringField("method", request.prologue().method().text());
            json.writeStringField("url", request.path().path());
            json.writeStringField("ip", request.remotePeer().host());
            json.writeStringField("http_version", request.prologue().protocol() + "/" + request.prologue().protocolVersion());
            json.writeEndObject();
            json.writeEndObject();
        };
    }
}
