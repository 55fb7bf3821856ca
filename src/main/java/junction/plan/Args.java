package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.plan.ir.Value;

/**
 * Reads argument values for one planning run. Where the plan's shape depends on a value (an
 * object, list, enum or boolean that decides the SQL) a variable is read now and recorded as
 * structural; where only a value is needed it stays a {@link Value.Variable} read at execution.
 */
final class Args {
    private final JsonNode variables;
    private final Set<String> structural = new HashSet<>();
    private final Set<String> nodeIds = new HashSet<>();

    Args(JsonNode variables) {
        this.variables = variables;
    }

    Set<String> structural() {
        return structural;
    }

    Set<String> nodeIds() {
        return nodeIds;
    }

    /** A Relay global id's variable, read now: the plan depends on the table it names only ({@link NodeIds}). */
    JsonNode nodeId(String name) {
        nodeIds.add(name);
        return peek(name);
    }

    /** The value with any variable at its top replaced by the variable's value (recorded as structural). */
    In resolve(In in) {
        if (in instanceof In.Var v) {
            structural.add(v.name());
            return In.of(variables.get(v.name()));
        }
        return in;
    }

    /** A variable's value, read now: the plan depends on it (recorded as structural). */
    JsonNode variable(String name) {
        structural.add(name);
        JsonNode value = variables.get(name);
        return value == null ? junction.json.Json.NODES.nullNode() : value;
    }

    /**
     * A variable's value as this request sends it, without making the plan depend on it: for checks
     * that give an early, precise error (a malformed cursor) when the value itself goes to the SQL.
     */
    JsonNode peek(String name) {
        JsonNode value = variables.get(name);
        return value == null ? junction.json.Json.NODES.nullNode() : value;
    }

    /** Fields of an input object; a null or absent object reads as empty. */
    In.Obj object(In in, String path) {
        In resolved = resolve(in);
        if (resolved instanceof In.Obj o) {
            return o;
        }
        if (resolved.isNull()) {
            return new In.Obj(java.util.Map.of());
        }
        throw ApiException.of(Code.VALIDATION_FAILED, "expected an object").at(path);
    }

    /** Items of a list; a single value counts as a list of one (GraphQL input coercion). */
    List<In> list(In in) {
        In resolved = resolve(in);
        if (resolved instanceof In.Lst l) {
            return l.items();
        }
        return resolved.isNull() ? List.of() : List.of(resolved);
    }

    /** An enum or string decided now. */
    String name(In in, String path) {
        In resolved = resolve(in);
        if (resolved instanceof In.Scalar s && s.value().isTextual()) {
            return s.value().textValue();
        }
        throw ApiException.of(Code.VALIDATION_FAILED, "expected an enum value").at(path);
    }

    boolean bool(In in, String path) {
        In resolved = resolve(in);
        if (resolved instanceof In.Scalar s && s.value().isBoolean()) {
            return s.value().booleanValue();
        }
        throw ApiException.of(Code.VALIDATION_FAILED, "expected a boolean").at(path);
    }

    /** A value for a bind parameter: a literal, a variable read at execution, or a list of them. */
    Value value(In in) {
        return switch (in) {
            case In.Var v -> new Value.Variable(v.name());
            case In.Scalar s -> new Value.Literal(s.value());
            case In.Lst l -> new Value.ListOf(l.items().stream().map(this::value).toList());
            case In.Obj o -> new Value.Literal(junction.json.Json.MAPPER.valueToTree(plain(o)));
        };
    }

    /** A literal input object as plain Java values (for json/jsonb literals written in GraphQL syntax). */
    private Object plain(In in) {
        return switch (in) {
            case In.Obj o -> {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                o.fields().forEach((k, v) -> m.put(k, plain(v)));
                yield m;
            }
            case In.Lst l -> l.items().stream().map(this::plain).toList();
            case In.Scalar s -> s.value();
            case In.Var v -> {
                structural.add(v.name());
                yield variables.get(v.name());
            }
        };
    }
}
