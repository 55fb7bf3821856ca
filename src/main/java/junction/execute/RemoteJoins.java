package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Predicate;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.ErrorEnvelope;
import junction.execute.join.JoinTransport;
import junction.execute.join.PartialError;
import junction.execute.join.RemoteErrorMode;
import junction.execute.join.RemoteJoinExecutor;
import junction.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import javax.sql.DataSource;
import junction.execute.join.JoinStatements;
import junction.plan.join.AnswerJoin;
import junction.plan.join.AnswerJoins;
import junction.sql.KeyedRowsCompiler;
import junction.sql.Rendered;
import junction.plan.join.JoinTree;
import junction.remote.RemoteCall;
import junction.remote.RemoteClient;
import junction.schema.RoleSchema;
import junction.session.Session;

/**
 * The remote-join step of the pipeline: binds the remote client to the request's session and
 * headers, runs collect → call → splice over the database answer, and writes the response.
 */
final class RemoteJoins {
    private static final byte[] ERRORS = ",\"errors\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final RemoteClient client;
    private final RemoteErrorMode mode;
    private final Predicate<Session> showInternal;
    private final junction.sql.SqlOptions options;
    /** The statement of each relationship from remote types to a table, compiled once per plan (kept while the plan is). */
    private final com.github.benmanes.caffeine.cache.Cache<AnswerJoin.ToSource, Rendered> statements =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

    /** @param showInternal whether a session may see errors' {@code internal} detail */
    RemoteJoins(RemoteClient client, RemoteErrorMode mode, Predicate<Session> showInternal, junction.sql.SqlOptions options) {
        this.client = client;
        this.mode = mode;
        this.showInternal = showInternal;
        this.options = options;
    }

    /** The joins of one request: its session and headers bound to the remote calls, its pools to the statements. */
    RemoteJoinExecutor executor(RoleSchema schema, RequestContext context, Function<String, DataSource> pools) {
        Session session = context.session();
        JoinTransport transport = (remote, query, vars) -> {
            var endpoint = schema.remote(remote).orElseThrow(() -> ApiException.of(Code.REMOTE_SCHEMA_ERROR,
                    "remote schema \"" + remote + "\" is not available")).endpoint();
            context.trace().remoteJoin(remote, endpoint.displayUrl(), query);
            return client.send(endpoint, new RemoteCall(query, vars, java.util.Optional.empty()), session.variables(),
                    context.clientHeaders()).body();
        };
        JoinStatements rows = (target, keys, vars) -> {
            Rendered statement = statements.get(target, t -> KeyedRowsCompiler.compile(t.select(), t.columns(),
                    t.columnTypes(), options));
            ObjectNode bound = vars instanceof ObjectNode given ? given.deepCopy() : Json.object();
            for (int i = 0; i < keys.size(); i++) {
                bound.set(KeyedRowsCompiler.keysVariable(i), keys.get(i));
            }
            context.trace().remoteRelationshipStatement(target.source(), statement);
            return StatementRunner.query(pools.apply(target.source()), statement, new Bindings(bound, session));
        };
        return new RemoteJoinExecutor(transport, mode, rows);
    }

    /**
     * The relationships of remote types selected in remote root fields, joined into {@code data} (in
     * place); the errors to answer beside it (partial mode; in Hasura's mode the first is thrown).
     */
    List<PartialError> joinAnswers(ObjectNode data, AnswerJoins answers, RoleSchema schema, RequestContext context,
                                   Function<String, DataSource> pools, JsonNode variables) {
        if (answers.isEmpty()) {
            return List.of();
        }
        return executor(schema, context, pools).joinAnswers(data, answers,
                JoinPresets.variables(answers, schema, context.session(), variables));
    }

    /** {@code {"data": …, "errors": […]}}: {@code data} answered with the errors of its joins (partial mode), if any. */
    byte[] respond(ObjectNode data, List<PartialError> errors, Session session) {
        ObjectNode response = Json.object();
        response.set("data", data);
        if (!errors.isEmpty()) {
            response.set("errors", encoded(errors, session));
        }
        return Json.bytes(response);
    }

    /**
     * The response for {@code data} (the database JSON, as bytes) once its remote fields are joined,
     * with {@code earlier} errors (of the relationships of remote types, partial mode) before its own.
     */
    byte[] respond(byte[] data, JoinTree joins, RoleSchema schema, RequestContext context, Function<String, DataSource> pools,
                   JsonNode variables, List<PartialError> earlier) {
        Session session = context.session();
        RemoteJoinExecutor.Spliced spliced = executor(schema, context, pools)
                .execute(data, joins, JoinPresets.variables(joins, schema, session, variables));
        byte[] errorBytes = null;
        if (!spliced.errors().isEmpty() || !earlier.isEmpty()) {
            List<PartialError> all = new java.util.ArrayList<>(earlier);
            all.addAll(spliced.errors());
            errorBytes = Json.bytes(encoded(all, session));
        }
        int size = ResponseBytes.DATA_OPEN.length + spliced.size() + 1
                + (errorBytes == null ? 0 : ERRORS.length + errorBytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(ResponseBytes.DATA_OPEN);
        spliced.writeTo(out);
        if (errorBytes != null) {
            out.writeBytes(ERRORS);
            out.writeBytes(errorBytes);
        }
        out.write('}');
        return out.toByteArray();
    }

    /** The errors in the GraphQL envelope, each at its path; {@code internal} only for a session that may see it. */
    private ArrayNode encoded(List<PartialError> errors, Session session) {
        boolean internal = showInternal.test(session);
        ArrayNode out = Json.array();
        errors.forEach(e -> out.add(ErrorEnvelope.graphqlAt(e.error(), e.path(), internal)));
        return out;
    }
}
