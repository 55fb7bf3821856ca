package junction.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.metadata.resolve.Snapshot;
import junction.plan.ir.Plan;
import junction.remote.RemoteClient;
import junction.schema.RoleSchema;
import junction.schema.SchemaCache;

/**
 * A GraphQL request, start to end: schema of the role → parse and validate (cached) → coerce
 * variables → plan and compile, remote requests included (cached) → run: one statement's bytes
 * straight to the client, or SQL and remote calls concurrently, spliced in selection order, or
 * mutations one after the other. Every step fails only with an {@link ApiException}.
 */
public final class GraphqlPipeline {
    private final Supplier<Snapshot> snapshots;
    private final SchemaCache schemas;
    private final BiFunction<Snapshot, String, DataSource> pools;
    private final OperationCache operations;
    private final VariableCoercer coercer = new VariableCoercer();
    private final QueryExecutor queries;
    private final MutationExecutor mutations;

    /**
     * @param pools   the connection pool of a source, as configured in a snapshot
     * @param remotes the engine's one client for remote schemas
     */
    public GraphqlPipeline(Supplier<Snapshot> snapshots, SchemaCache schemas,
                           BiFunction<Snapshot, String, DataSource> pools, RemoteClient remotes, QueryLimits limits) {
        this.snapshots = snapshots;
        this.schemas = schemas;
        this.pools = pools;
        this.operations = new OperationCache(limits);
        RemoteForwarder forwarder = new RemoteForwarder(remotes);
        this.queries = new QueryExecutor(forwarder);
        this.mutations = new MutationExecutor(forwarder);
    }

    /** Runs one request and returns the response ({@code {"data": …}}, and cookies from remote schemas). */
    public GraphqlResponse execute(RequestContext context, GraphqlRequest request) {
        Snapshot snapshot = snapshots.get();
        SchemaCache.Generation generation = schemas.generation(snapshot);
        RoleSchema schema = schemas.schema(snapshot, context.session().role());
        Prepared prepared = operations.prepare(generation, schema, request);
        ObjectNode variables = coercer.coerce(schema.graphql(), prepared.operation, request.variables());
        Compiled compiled = prepared.compiled(variables,
                v -> operations.compile(snapshot, prepared, operations.plan(schema, prepared, request, v)));
        Function<String, DataSource> pool = source -> pool(generation, source);
        if (compiled.plan().operation() == Plan.Operation.MUTATION) {
            return mutations.execute(compiled, pool, variables, context);
        }
        if (compiled.direct()) {
            var only = compiled.queries().entrySet().iterator().next();
            return GraphqlResponse.of(ResponseBytes.data(StatementRunner.query(pool.apply(only.getKey()), only.getValue(), variables)));
        }
        return queries.execute(compiled, pool, schema, prepared, variables, context);
    }

    private DataSource pool(SchemaCache.Generation generation, String source) {
        return (DataSource) generation.attachments().computeIfAbsent("pool:" + source,
                k -> pools.apply(generation.snapshot(), source));
    }
}
