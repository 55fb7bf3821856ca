package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import junction.plan.Planner;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.schema.RoleSchema;
import junction.schema.SchemaCache;
import junction.sql.Rendered;
import junction.sql.SelectCompiler;

/**
 * Parse → validate, cached per (role, query text, operation name) for the life of a schema
 * generation; plan → compile, cached inside each {@link Prepared} entry.
 */
final class OperationCache {
    private static final int MAX_ENTRIES = 10_000;
    private static final String KEY = "junction.execute.operations";

    private record Key(String role, String query, String operationName) {
    }

    private final QueryParser parser = new QueryParser();
    private final OperationValidator validator;
    private final Planner planner = new Planner();

    private final junction.sql.SqlOptions options;

    OperationCache(QueryLimits limits, junction.sql.SqlOptions options) {
        this.validator = new OperationValidator(limits);
        this.options = options;
    }

    junction.sql.SqlOptions options() {
        return options;
    }

    Prepared prepare(SchemaCache.Generation generation, RoleSchema schema, GraphqlRequest request) {
        @SuppressWarnings("unchecked")
        ConcurrentMap<Key, Prepared> entries = (ConcurrentMap<Key, Prepared>) generation.attachments()
                .computeIfAbsent(KEY, k -> new java.util.concurrent.ConcurrentHashMap<Key, Prepared>());
        Key key = new Key(schema.role(), request.query(), request.operationName());
        Prepared hit = entries.get(key);
        if (hit != null) {
            return hit;
        }
        Document document = parser.parse(request.query());
        validator.validate(schema, document);
        Prepared prepared = new Prepared(document, Planner.operation(document, request.operationName()));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, prepared);
        return prepared;
    }

    Plan plan(RoleSchema schema, Prepared prepared, GraphqlRequest request, JsonNode variables) {
        return planner.plan(schema, prepared.document, request.operationName(), variables);
    }

    /** The plan's SQL and remote requests (to the remote schemas of the role's schema). */
    Compiled compile(RoleSchema schema, Prepared prepared, Plan plan) {
        List<RemoteRoot> remotes = RemoteRootCompiler.compile(schema, prepared.document, prepared.operation, plan);
        Map<String, List<RootNode>> bySource = new LinkedHashMap<>();
        boolean onlyDatabase = true;
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Database d) {
                bySource.computeIfAbsent(d.source(), s -> new ArrayList<>()).add(root);
            } else if (!(root instanceof Typename)) {
                onlyDatabase = false;
            }
        }
        if (plan.operation() == Plan.Operation.MUTATION) {
            return MutationCompiling.compile(plan, options, remotes);
        }
        Map<String, Rendered> queries = new LinkedHashMap<>();
        boolean direct = onlyDatabase && bySource.size() == 1;
        bySource.forEach((source, roots) -> queries.put(source,
                SelectCompiler.compile(direct ? plan.roots() : roots, options)));
        return new Compiled(plan, queries, List.of(), remotes, direct);
    }
}
