package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.json.Json;

/**
 * An argument value as the planner reads it: the query's literal structure with variable references
 * left in place ({@link Var}), or the structure of a variable's JSON value once it has been read.
 */
sealed interface In {
    record Obj(Map<String, In> fields) implements In {
    }

    record Lst(List<In> items) implements In {
    }

    /** A scalar or enum literal (enum values as JSON strings) or JSON null. */
    record Scalar(JsonNode value) implements In {
    }

    record Var(String name) implements In {
    }

    static In of(graphql.language.Value<?> value) {
        return switch (value) {
            case VariableReference v -> new Var(v.getName());
            case ObjectValue o -> {
                Map<String, In> fields = new LinkedHashMap<>();
                for (ObjectField f : o.getObjectFields()) {
                    fields.put(f.getName(), of(f.getValue()));
                }
                yield new Obj(fields);
            }
            case ArrayValue a -> new Lst(a.getValues().stream().map(In::of).toList());
            case IntValue i -> new Scalar(Json.NODES.numberNode(i.getValue()));
            case FloatValue f -> new Scalar(Json.NODES.numberNode(f.getValue()));
            case StringValue s -> new Scalar(Json.NODES.textNode(s.getValue()));
            case BooleanValue b -> new Scalar(Json.NODES.booleanNode(b.isValue()));
            case EnumValue e -> new Scalar(Json.NODES.textNode(e.getName()));
            case NullValue n -> new Scalar(Json.NODES.nullNode());
            default -> throw new IllegalArgumentException("unexpected value " + value);
        };
    }

    static In of(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return new Scalar(Json.NODES.nullNode());
        }
        if (json.isObject()) {
            Map<String, In> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = json.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), of(e.getValue()));
            }
            return new Obj(fields);
        }
        if (json.isArray()) {
            List<In> items = new ArrayList<>();
            json.forEach(j -> items.add(of(j)));
            return new Lst(items);
        }
        return new Scalar(json);
    }

    default boolean isNull() {
        return this instanceof Scalar s && s.value().isNull();
    }
}
