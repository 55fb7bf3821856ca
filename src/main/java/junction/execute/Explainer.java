package junction.execute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import junction.error.ApiException;
import junction.error.Code;
import junction.execute.join.JoinExplanation;
import junction.json.Json;
import junction.metadata.resolve.Snapshot;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.join.JoinTree;
import junction.plan.join.JoinTrees;
import junction.schema.RoleSchema;
import junction.schema.SchemaCache;
import junction.sql.Rendered;
import junction.sql.SelectCompiler;

/**
 * {@code /v1/graphql/explain}: per database root field, the SQL Junction runs for it and
 * Postgres' plan of it ({@code [{"field", "sql", "plan": [lines]}]}), and — beyond Hasura, which
 * refuses to explain them — the remote joins of its rows ({@code "remote_joins"}).
 */
public final class Explainer {
    private final Supplier<Snapshot> snapshots;
    private final SchemaCache schemas;
    private final BiFunction<Snapshot, String, DataSource> pools;
    private final OperationCache operations;
    private final VariableCoercer coercer = new VariableCoercer();

    public Explainer(Supplier<Snapshot> snapshots, SchemaCache schemas, BiFunction<Snapshot, String, DataSource> pools,
                     QueryLimits limits, junction.sql.SqlOptions options, long planCacheSize) {
        this.snapshots = snapshots;
        this.schemas = schemas;
        this.pools = pools;
        this.operations = new OperationCache(limits, options, planCacheSize);
    }

    public ArrayNode explain(junction.session.Session session, GraphqlRequest request) {
        String role = session.role();
        Snapshot snapshot = snapshots.get();
        RoleSchema schema = schemas.schema(snapshot, role);
        Prepared prepared = operations.prepare(schema, request);
        ObjectNode variables = coercer.coerce(schema.graphql(), prepared.operation, request.variables());
        Plan plan = operations.plan(schema, prepared, request, variables);
        if (plan.operation() != Plan.Operation.QUERY) {
            throw ApiException.of(Code.INVALID_PARAMS, "only queries can be explained");
        }
        ArrayNode out = Json.array();
        for (RootNode root : plan.roots()) {
            switch (root) {
                case RootNode.Remote r -> throw ApiException.of(Code.INVALID_PARAMS, "only hasura queries can be explained");
                case RootNode.Database d -> {
                    Rendered statement = SelectCompiler.compileOne(d.query(), operations.options());
                    ObjectNode entry = out.addObject();
                    entry.put("field", d.key());
                    entry.put("sql", statement.numbered());
                    ArrayNode lines = entry.putArray("plan");
                    StatementRunner.explain(pools.apply(snapshot, d.source()), statement, new Bindings(variables, session)).forEach(lines::add);
                    JoinTree joins = JoinTrees.of(new Plan(plan.operation(), List.of(d), Set.of())).children()
                            .getOrDefault(d.key(), JoinTree.EMPTY);
                    if (!joins.isEmpty()) {
                        entry.set("remote_joins", JoinExplanation.of(d.key(), joins));
                    }
                }
                default -> { }
            }
        }
        return out;
    }
}
