package junction.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import junction.error.ApiException;
import junction.execute.RequestTrace;
import junction.json.Json;
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
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - started;
            String path = request.path().path();
            if (path.equals(GRAPHQL)) {
                metrics.graphqlRequest(trace.operationType() == null ? "unknown" : trace.operationType(),
                        trace.error() == null ? "success" : "failed", nanos);
            }
            if (trace.queries() != null) {
                trace.queries().forEach(q -> log.write(EngineLog.QUERY, LogLevel.INFO, q));
            }
            LogLevel level = trace.error() != null || response.status().code() >= 400 ? LogLevel.ERROR : LogLevel.INFO;
            if (log.enabled(EngineLog.HTTP, level)) {
                log.write(EngineLog.HTTP, level, detail(request, response, trace, nanos));
            }
        }
    }

    private static ObjectNode detail(RoutingRequest request, RoutingResponse response, RequestTrace trace, long nanos) {
        ObjectNode detail = Json.object();
        detail.put("request_id", trace.requestId());
        ObjectNode operation = detail.putObject("operation");
        operation.put("request_id", trace.requestId());
        if (trace.role() != null) {
            operation.putObject("user_vars").put("x-hasura-role", trace.role());
        }
        operation.put("query_execution_time", nanos / 1e9);
        request.headers().contentLength().ifPresent(size -> operation.put("request_size", size));
        if (trace.operationType() != null) {
            operation.putObject("query").put("operationName", trace.operationName()).put("type", trace.operationType());
            operation.put("operation_type", trace.operationType());
        }
        ApiException error = trace.error();
        if (error != null) {
            operation.putObject("error").put("path", error.path()).put("error", error.getMessage()).put("code", error.code().text());
        }
        ObjectNode http = detail.putObject("http_info");
        http.put("status", response.status().code());
        http.put("method", request.prologue().method().text());
        http.put("url", request.path().path());
        http.put("ip", request.remotePeer().host());
        http.put("http_version", request.prologue().protocol() + "/" + request.prologue().protocolVersion());
        return detail;
    }
}
