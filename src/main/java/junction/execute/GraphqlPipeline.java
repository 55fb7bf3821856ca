package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.error.Code;
import junction.execute.join.RemoteErrorMode;
import junction.json.Json;
import junction.metadata.resolve.Snapshot;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.remote.RemoteClient;
import junction.schema.RoleSchema;
import junction.schema.SchemaCache;
import junction.session.Session;
import junction.sql.Rendered;

/**
 * A GraphQL request, start to end: schema of the role → parse and validate (cached) → coerce
 * variables → plan and compile (cached) → run the SQL → splice root fields → response bytes.
 * Every step fails only with an {@link ApiException}.
 */
public final class GraphqlPipeline {
    private static final byte[] DATA_OPEN = "{\"data\":".getBytes(StandardCharsets.UTF_8);

    private final Supplier<Snapshot> snapshots;
    private final SchemaCache schemas;
    private final BiFunction<Snapshot, String, DataSource> pools;
    private final OperationCache operations;
    private final VariableCoercer coercer = new VariableCoercer();
    private final RemoteJoins remoteJoins;

    /**
     * @param pools  the connection pool of a source, as configured in a snapshot
     * @param remote the client for remote schemas; {@code remoteErrors} says how remote join failures show
     * @param showInternal whether a session may see errors' {@code internal} detail (remote join errors
     *                     returned beside data)
     */
    public GraphqlPipeline(Supplier<Snapshot> snapshots, SchemaCache schemas,
                           BiFunction<Snapshot, String, DataSource> pools, QueryLimits limits, RemoteClient remote,
                           RemoteErrorMode remoteErrors, java.util.function.Predicate<Session> showInternal) {
        this.snapshots = snapshots;
        this.schemas = schemas;
        this.pools = pools;
        this.operations = new OperationCache(limits);
        this.remoteJoins = new RemoteJoins(remote, remoteErrors, showInternal);
    }

    /** Runs one request and returns the response body ({@code {"data": …}}). */
    public byte[] execute(Session session, GraphqlRequest request) {
        return execute(session, request, Map.of());
    }

    /**
     * Runs one request; {@code clientHeaders} (names lower-cased) are what remote schemas with
     * {@code forward_client_headers} receive.
     */
    public byte[] execute(Session session, GraphqlRequest request, Map<String, String> clientHeaders) {
        Snapshot snapshot = snapshots.get();
        SchemaCache.Generation generation = schemas.generation(snapshot);
        RoleSchema schema = schemas.schema(snapshot, session.role());
        Prepared prepared = operations.prepare(generation, schema, request);
        ObjectNode variables = coercer.coerce(schema.graphql(), prepared.operation, request.variables());
        Compiled compiled = prepared.compiled(variables,
                v -> operations.compile(operations.plan(schema, prepared, request, v)));
        boolean joins = !compiled.joins().isEmpty();
        if (!compiled.mutations().isEmpty()) {
            byte[] answer = mutate(generation, compiled, variables);
            return joins ? join((ObjectNode) parse(answer).get("data"), compiled, schema, session, variables, clientHeaders)
                    : answer;
        }
        if (compiled.direct()) {
            var only = compiled.queries().entrySet().iterator().next();
            byte[] answer = StatementRunner.query(pool(generation, only.getKey()), only.getValue(), variables);
            return joins ? join((ObjectNode) parse(answer), compiled, schema, session, variables, clientHeaders)
                    : wrapData(answer);
        }
        ObjectNode data = splice(generation, schema, prepared, compiled, variables);
        return joins ? join(data, compiled, schema, session, variables, clientHeaders)
                : Json.bytes(Json.object().set("data", data));
    }

    /** Remote relationships: the database JSON, parsed once, gets the remote answers spliced in. */
    private byte[] join(ObjectNode data, Compiled compiled, RoleSchema schema, Session session, ObjectNode variables,
                        Map<String, String> clientHeaders) {
        return remoteJoins.respond(data, compiled.joins(), schema, session, clientHeaders, variables);
    }

    /** The {@code data} object from every root field's answer, in selection order. */
    private ObjectNode splice(SchemaCache.Generation generation, RoleSchema schema, Prepared prepared, Compiled compiled,
                            ObjectNode variables) {
        Map<String, JsonNode> answers = new HashMap<>();
        compiled.queries().forEach((source, statement) ->
                parse(StatementRunner.query(pool(generation, source), statement, variables)).fields()
                        .forEachRemaining(e -> answers.put(e.getKey(), e.getValue())));
        List<RootNode.Introspection> introspection = new ArrayList<>();
        for (RootNode root : compiled.plan().roots()) {
            switch (root) {
                case RootNode.Introspection i -> introspection.add(i);
                case RootNode.Remote r -> throw ApiException.of(Code.NOT_SUPPORTED,
                        "remote schema root fields are not supported yet").at("$.selectionSet." + r.key());
                default -> { }
            }
        }
        if (!introspection.isEmpty()) {
            Introspection.run(schema, prepared.document, prepared.operation, introspection, variables).fields()
                    .forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
        }
        ObjectNode data = Json.object();
        for (RootNode root : compiled.plan().roots()) {
            data.set(root.key(), root instanceof Typename t ? Json.NODES.textNode(t.typeName()) : answers.get(root.key()));
        }
        return data;
    }

    /** All mutation root fields in one transaction; their answers spliced as Postgres wrote them. */
    private byte[] mutate(SchemaCache.Generation generation, Compiled compiled, ObjectNode variables) {
        List<Rendered> statements = new ArrayList<>();
        compiled.mutations().forEach(m -> statements.addAll(m.statements()));
        String source = compiled.mutations().getFirst().root().source();
        List<byte[]> answers = StatementRunner.transaction(pool(generation, source), statements, variables);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DATA_OPEN);
        out.write('{');
        int next = 0;
        int mutation = 0;
        boolean first = true;
        for (RootNode root : compiled.plan().roots()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(Json.bytes(Json.NODES.textNode(root.key())));
            out.write(':');
            if (root instanceof Typename t) {
                out.writeBytes(Json.bytes(Json.NODES.textNode(t.typeName())));
                continue;
            }
            Compiled.Mutation m = compiled.mutations().get(mutation++);
            if (m.many()) {
                out.write('[');
                for (int i = 0; i < m.statements().size(); i++) {
                    out.writeBytes(i > 0 ? new byte[] {','} : new byte[0]);
                    out.writeBytes(answers.get(next++));
                }
                out.write(']');
            } else {
                out.writeBytes(answers.get(next++));
            }
        }
        out.write('}');
        out.write('}');
        return out.toByteArray();
    }

    private DataSource pool(SchemaCache.Generation generation, String source) {
        return (DataSource) generation.attachments().computeIfAbsent("pool:" + source,
                k -> pools.apply(generation.snapshot(), source));
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw ApiException.of(Code.UNEXPECTED, "database answered with invalid JSON: " + e.getMessage());
        }
    }

    private static byte[] wrapData(byte[] data) {
        byte[] out = new byte[DATA_OPEN.length + data.length + 1];
        System.arraycopy(DATA_OPEN, 0, out, 0, DATA_OPEN.length);
        System.arraycopy(data, 0, out, DATA_OPEN.length, data.length);
        out[out.length - 1] = '}';
        return out;
    }
}
