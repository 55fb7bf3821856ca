package junction.execute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import junction.error.ApiException;
import junction.json.Json;
import junction.plan.ir.Plan;

/**
 * What one HTTP request did, for its {@code http-log} line, its {@code query-log} lines and the
 * metrics: its request id, the role, the operation (name and type) and the first error. Filled in
 * by the handlers and the pipeline on the request's thread; {@link #NONE} for callers that log nothing.
 */
public final class RequestTrace {
    /** A trace that keeps nothing. */
    public static final RequestTrace NONE = new RequestTrace("", false);

    private final String requestId;
    private final boolean recordsQueries;
    private String role;
    private String operationName;
    private String operationType;
    private ApiException error;
    private ArrayNode queries;
    private ArrayNode remoteCalls;

    public RequestTrace(String requestId, boolean recordsQueries) {
        this.requestId = requestId;
        this.recordsQueries = recordsQueries;
    }

    /** A random (version 4) UUID, without {@link UUID#randomUUID}'s secure random: request ids need not be secret. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public String requestId() {
        return requestId;
    }

    public void role(String value) {
        if (this != NONE) {
            role = value;
        }
    }

    public String role() {
        return role;
    }

    public String operationName() {
        return operationName;
    }

    /** {@code query} or {@code mutation}; null before an operation was planned. */
    public String operationType() {
        return operationType;
    }

    public ApiException error() {
        return error;
    }

    /** Keeps the first error of the request. */
    public void failed(ApiException e) {
        if (this != NONE && error == null) {
            error = e;
        }
    }

    /** The {@code query-log} details of the operations run, each with its SQL and remote calls; null when not recorded. */
    public ArrayNode queries() {
        return queries;
    }

    /**
     * A statement run for a relationship from remote types to a table (the pipeline runs one per
     * relationship and level): added to the {@code query-log} of the operation, under
     * {@code generated_sql.remote_relationships}.
     */
    synchronized void remoteRelationshipStatement(String source, junction.sql.Rendered statement) {
        if (queries == null || queries.isEmpty()) {
            return;
        }
        ObjectNode sql = (ObjectNode) queries.get(queries.size() - 1).get("generated_sql");
        ArrayNode list = sql.has("remote_relationships") ? (ArrayNode) sql.get("remote_relationships")
                : sql.putArray("remote_relationships");
        list.addObject().put("source", source).put("query", statement.text());
    }

    /** An operation about to run: its name and type, and (when recorded) its statements and remote requests. */
    void operation(GraphqlRequest request, Compiled compiled) {
        if (this == NONE) {
            return;
        }
        operationName = request.operationName();
        operationType = compiled.plan().operation() == Plan.Operation.MUTATION ? "mutation" : "query";
        if (!recordsQueries) {
            return;
        }
        ObjectNode log = Json.object();
        log.put("request_id", requestId);
        log.put("kind", compiled.remotes().isEmpty() ? "database" : compiled.queries().isEmpty() ? "remote-schema" : "graphql");
        ObjectNode query = log.putObject("query");
        query.put("operationName", request.operationName());
        query.put("query", request.query());
        ObjectNode sql = log.putObject("generated_sql");
        compiled.queries().forEach((source, rendered) -> sql.putObject(source).put("query", rendered.text()));
        if (!compiled.mutations().isEmpty()) {
            ArrayNode statements = sql.putArray("mutations");
            compiled.mutations().forEach(m -> m.statements().forEach(st -> statements.add(st.text())));
        }
        ArrayNode remotes = log.putArray("remote_calls");
        remoteCalls = remotes;
        compiled.remotes().forEach(r -> remotes.addObject()
                .put("remote_schema", r.query().remoteSchema())
                .put("url", r.endpoint().displayUrl())
                .put("query", r.query().query()));
        if (queries == null) {
            queries = Json.array();
        }
        queries.add(log);
    }

    /**
     * A remote-join request sent for the current operation (when recorded): added to its
     * {@code remote_calls} with {@code "remote_join": true}. Calls to several remotes run
     * concurrently, hence synchronized.
     */
    public synchronized void remoteJoin(String remoteSchema, String url, String query) {
        if (remoteCalls == null) {
            return;
        }
        remoteCalls.addObject().put("remote_schema", remoteSchema).put("url", url).put("query", query)
                .put("remote_join", true);
    }
}
