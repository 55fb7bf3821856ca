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
import junction.plan.NodeIds;
import junction.plan.ir.Plan;
import junction.schema.RoleSchema;

/**
 * A parsed operation, validated against one role schema, and its compiled plans: usually exactly one; more
 * only when variables shape the plan, keyed by the values of those variables (a Relay id's by the
 * table it names).
 */
final class Prepared {
    private static final int MAX_SHAPES = 64;

    final RoleSchema schema;
    final Document document;
    final OperationDefinition operation;
    /** The variables whose values key the plans: by value (structural), or by the table of the Relay id they hold. */
    private volatile Keys keys = new Keys(List.of(), List.of());
    private final ConcurrentMap<List<JsonNode>, Compiled> compiled = new ConcurrentHashMap<>();

    Prepared(RoleSchema schema, Document document, OperationDefinition operation) {
        this.schema = schema;
        this.document = document;
        this.operation = operation;
    }

    private record Keys(List<String> structural, List<String> nodeIds) {
        List<JsonNode> of(JsonNode variables) {
            if (structural.isEmpty() && nodeIds.isEmpty()) {
                return List.of();
            }
            List<JsonNode> values = new ArrayList<>(structural.size() + nodeIds.size());
            for (String name : structural) {
                JsonNode value = variables.get(name);
                values.add(value == null ? Json.NODES.nullNode() : value);
            }
            for (String name : nodeIds) {
                values.add(NodeIds.shape(variables, name));
            }
            return values;
        }

        /** These keys grown by what a plan used; the same object when it used nothing new. */
        Keys with(Plan plan) {
            if (structural.containsAll(plan.structuralVariables()) && nodeIds.containsAll(plan.nodeIdVariables())) {
                return this;
            }
            return new Keys(grown(structural, plan.structuralVariables()), grown(nodeIds, plan.nodeIdVariables()));
        }

        private static List<String> grown(List<String> names, Set<String> used) {
            List<String> out = new ArrayList<>(names);
            used.stream().filter(n -> !out.contains(n)).sorted().forEach(out::add);
            return List.copyOf(out);
        }
    }

    /** The variables known to hold Relay ids, for {@link NodeIds#expand} before a lookup. */
    List<String> nodeIdVariables() {
        return keys.nodeIds();
    }

    /** The compiled plan for these variable values, planning and compiling on a miss. */
    Compiled compiled(JsonNode variables, Function<JsonNode, Compiled> compile) {
        Keys current = keys;
        List<JsonNode> key = current.of(variables);
        Compiled hit = compiled.get(key);
        if (hit != null) {
            return hit;
        }
        Compiled fresh = compile.apply(variables);
        Keys grown = current.with(fresh.plan());
        if (grown != current) {
            synchronized (this) {
                keys = grown;
                compiled.clear();
            }
            key = grown.of(variables);
        }
        if (compiled.size() < MAX_SHAPES) {
            compiled.put(key, fresh);
        }
        return fresh;
    }
}
