package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import junction.plan.Planner;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.ir.Typename;
import junction.schema.RoleSchema;
import junction.sql.Rendered;
import junction.sql.SelectCompiler;

/**
 * Parse → validate, cached per (role, query text, operation name); plan → compile, cached inside
 * each {@link Prepared} entry. An entry is good for the role schema it was validated against: a
 * rebuilt schema (something it depends on changed) prepares the operation again, while a metadata
 * read or a change that leaves the schema as it was keeps it. Bounded: when full, Caffeine evicts
 * the entries least likely to be used again (W-TinyLFU), so the hot operations stay.
 */
final class OperationCache {
    private record Key(String role, String query, String operationName, boolean relay) {
    }

    private final QueryParser parser = new QueryParser();
    private final OperationValidator validator;
    private final Planner planner = new Planner();

    private final junction.sql.SqlOptions options;
    private final Cache<Key, Prepared> entries;
    private final LongAdder prepared = new LongAdder();

    OperationCache(QueryLimits limits, junction.sql.SqlOptions options, long maxEntries) {
        this.validator = new OperationValidator(limits);
        this.options = options;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    }

    junction.sql.SqlOptions options() {
        return options;
    }

    Prepared prepare(RoleSchema schema, GraphqlRequest request) {
        Key key = new Key(schema.role(), request.query(), request.operationName(), schema.relay());
        Prepared hit = entries.getIfPresent(key);
        if (hit != null && hit.schema == schema) {
            return hit;
        }
        Document document = parser.parse(request.query());
        validator.validate(schema, document);
        Prepared fresh = new Prepared(schema, document, Planner.operation(document, request.operationName()));
        prepared.increment();
        entries.put(key, fresh);
        return fresh;
    }

    Cache<?, ?> entries() {
        return entries;
    }

    /** How many operations were parsed and validated so far, i.e. cache misses (for tests and diagnostics). */
    long prepared() {
        return prepared.sum();
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
