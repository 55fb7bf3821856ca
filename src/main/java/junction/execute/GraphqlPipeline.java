package junction.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.execute.join.PartialError;
import junction.execute.join.RemoteErrorMode;
import junction.json.Json;
import junction.metadata.resolve.Snapshot;
import junction.plan.ir.Plan;
import junction.remote.RemoteClient;
import junction.schema.RoleSchema;
import junction.schema.SchemaCache;
import junction.session.Session;

/**
 * A GraphQL request, start to end: schema of the role → parse and validate (cached) → coerce
 * variables → plan and compile, remote requests included (cached) → run: one statement's bytes
 * straight to the client, or SQL and remote root fields concurrently, spliced in selection order,
 * or mutations one after the other → remote joins into the database rows → response bytes. Every
 * step fails only with an {@link ApiException}.
 */
public final class GraphqlPipeline {
    private final Supplier<Snapshot> snapshots;
    private final SchemaCache schemas;
    private final BiFunction<Snapshot, String, DataSource> pools;
    private final OperationCache operations;
    private final VariableCoercer coercer = new VariableCoercer();
    private final QueryExecutor queries;
    private final MutationExecutor mutations;
    private final RemoteJoins remoteJoins;

    /**
     * @param pools   the connection pool of a source, as configured in a snapshot
     * @param remotes the engine's one client for remote schemas; {@code remoteErrors} says how remote
     *                join failures show
     * @param showInternal whether a session may see errors' {@code internal} detail (remote join errors
     *                     returned beside data)
     * @param planCacheSize how many prepared operations are kept
     */
    public GraphqlPipeline(Supplier<Snapshot> snapshots, SchemaCache schemas,
                           BiFunction<Snapshot, String, DataSource> pools, QueryLimits limits, junction.sql.SqlOptions options,
                           RemoteClient remotes,
                           RemoteErrorMode remoteErrors, java.util.function.Predicate<Session> showInternal,
                           long planCacheSize) {
        this.snapshots = snapshots;
        this.schemas = schemas;
        this.pools = pools;
        this.operations = new OperationCache(limits, options, planCacheSize);
        RemoteForwarder forwarder = new RemoteForwarder(remotes);
        this.queries = new QueryExecutor(forwarder);
        this.mutations = new MutationExecutor(forwarder);
        this.remoteJoins = new RemoteJoins(remotes, remoteErrors, showInternal, options);
    }

    /** Runs one request and returns the response ({@code {"data": …}}, and cookies from remote schemas). */
    public GraphqlResponse execute(RequestContext context, GraphqlRequest request) {
        return execute(context, request, false);
    }

    /** Runs one request against the role's Relay schema ({@code relay}, {@code /v1beta1/relay}) or its GraphQL schema. */
    public GraphqlResponse execute(RequestContext context, GraphqlRequest request, boolean relay) {
        Snapshot snapshot = snapshots.get();
        SchemaCache.Generation generation = schemas.generation(snapshot);
        RoleSchema schema = schemas.schema(snapshot, context.session().role(), context.session().backendOnly(), relay);
        Prepared prepared = operations.prepare(schema, request);
        // Relay ids decoded once: their items for the statement, their shape for the plan cache's key
        ObjectNode variables = junction.plan.NodeIds.expand(coercer.coerce(schema.graphql(), prepared.operation,
                request.variables()), prepared.nodeIdVariables());
        Compiled compiled = prepared.compiled(variables,
                v -> operations.compile(schema, prepared, operations.plan(schema, prepared, request, v)));
        if (schema.relay()) {
            junction.plan.CursorCheck.check(compiled.plan(), variables);
            variables = junction.plan.NodeIds.expand(variables, compiled.plan().nodeIdVariables());
        }
        context.trace().operation(request, compiled);
        GraphqlResponse answer = answer(context, generation, schema, prepared, variables, compiled);
        return compiled.plan().nested() ? NestedResponse.nest(answer) : answer;
    }

    private GraphqlResponse answer(RequestContext context, SchemaCache.Generation generation, RoleSchema schema,
                                   Prepared prepared, ObjectNode variables, Compiled compiled) {
        Function<String, DataSource> pool = source -> pool(generation, source);
        boolean joins = !compiled.joins().isEmpty();
        if (compiled.plan().operation() == Plan.Operation.MUTATION) {
            List<PartialError> errors = new ArrayList<>();
            GraphqlResponse answer = mutations.execute(compiled, pool, variables, context, data -> errors.addAll(
                    remoteJoins.joinAnswers(data, RemoteRootAnswers.of(compiled.plan()), schema, context, pool, variables)));
            return joins || !errors.isEmpty() ? joined(answer, compiled, schema, context, variables, pool, errors) : answer;
        }
        if (compiled.direct()) {
            var only = compiled.queries().entrySet().iterator().next();
            byte[] answer = StatementRunner.query(pool.apply(only.getKey()), only.getValue(),
                    new Bindings(variables, context.session()));
            return GraphqlResponse.of(joins ? join(answer, compiled, schema, context, variables, pool, List.of())
                    : ResponseBytes.data(answer));
        }
        return queries.execute(compiled, pool, schema, prepared, variables, context, data -> {
            List<PartialError> errors =
                    remoteJoins.joinAnswers(data, RemoteRootAnswers.of(compiled.plan()), schema, context, pool, variables);
            return joins ? join(Json.bytes(data), compiled, schema, context, variables, pool, errors)
                    : remoteJoins.respond(data, errors, context.session());
        });
    }

    /** The plan cache, for its metrics (hits, misses, evictions). */
    public com.github.benmanes.caffeine.cache.Cache<?, ?> planCache() {
        return operations.entries();
    }

    /** How many operations were parsed and validated: plan cache misses (for tests and diagnostics). */
    public long operationsPrepared() {
        return operations.prepared();
    }

    /** Remote relationships: the database JSON gets the remote answers spliced in, after {@code errors} found before. */
    private byte[] join(byte[] data, Compiled compiled, RoleSchema schema, RequestContext context, ObjectNode variables,
                        Function<String, DataSource> pool, List<PartialError> errors) {
        return remoteJoins.respond(data, compiled.joins(), schema, context, pool, variables, errors);
    }

    /** A mutation's answer with its remote relationships joined (if any) and the errors of its remote types' (partial mode). */
    private GraphqlResponse joined(GraphqlResponse answer, Compiled compiled, RoleSchema schema, RequestContext context,
                                   ObjectNode variables, Function<String, DataSource> pool, List<PartialError> errors) {
        if (!(ResponseBytes.parseDatabase(answer.body()).get("data") instanceof ObjectNode data)) {
            return answer;
        }
        byte[] body = compiled.joins().isEmpty() ? remoteJoins.respond(data, errors, context.session())
                : join(Json.bytes(data), compiled, schema, context, variables, pool, errors);
        return new GraphqlResponse(body, answer.setCookies());
    }

    private DataSource pool(SchemaCache.Generation generation, String source) {
        return (DataSource) generation.attachments().computeIfAbsent("pool:" + source,
                k -> pools.apply(generation.snapshot(), source));
    }
}
