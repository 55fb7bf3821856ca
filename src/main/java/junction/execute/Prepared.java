package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import junction.json.Json;
import junction.plan.ir.Plan;
import junction.schema.RoleSchema;

/**
 * A parsed operation, validated against one role schema, and its compiled plans: usually exactly one; more
 * only when variables shape the plan, keyed by the values of those variables.
 */
final class Prepared {
    private static final int MAX_SHAPES = 64;

    final RoleSchema schema;
    final Document document;
    final OperationDefinition operation;
    private volatile List<String> structural = List.of();
    private final ConcurrentMap<List<JsonNode>, Compiled> compiled = new ConcurrentHashMap<>();

    Prepared(RoleSchema schema, Document document, OperationDefinition operation) {
        this.schema = schema;
        this.document = document;
        this.operation = operation;
    }

    /** The compiled plan for these variable values, planning and compiling on a miss. */
    Compiled compiled(JsonNode variables, Function<JsonNode, Compiled> compile) {
        List<String> names = structural;
        List<JsonNode> key = key(names, variables);
        Compiled hit = compiled.get(key);
        if (hit != null) {
            return hit;
        }
        Compiled fresh = compile.apply(variables);
        Set<String> used = fresh.plan().structuralVariables();
        if (!names.containsAll(used)) {
            List<String> grown = new ArrayList<>(names);
            used.stream().filter(n -> !grown.contains(n)).sorted().forEach(grown::add);
            synchronized (this) {
                structural = List.copyOf(grown);
                compiled.clear();
            }
            key = key(grown, variables);
        }
        if (compiled.size() < MAX_SHAPES) {
            compiled.put(key, fresh);
        }
        return fresh;
    }

    private static List<JsonNode> key(List<String> names, JsonNode variables) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<JsonNode> values = new ArrayList<>(names.size());
        for (String name : names) {
            JsonNode value = variables.get(name);
            values.add(value == null ? Json.NODES.nullNode() : value);
        }
        return values;
    }
}
