package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import junction.json.Json;

/** A constant GraphQL value (a variable's default) as JSON. */
final class ValueJson {
    private ValueJson() {
    }

    static JsonNode of(Value<?> value) {
        return switch (value) {
            case IntValue i -> Json.NODES.numberNode(i.getValue());
            case FloatValue f -> Json.NODES.numberNode(f.getValue());
            case StringValue s -> Json.NODES.textNode(s.getValue());
            case BooleanValue b -> Json.NODES.booleanNode(b.isValue());
            case EnumValue e -> Json.NODES.textNode(e.getName());
            case ArrayValue a -> {
                ArrayNode out = Json.array();
                a.getValues().forEach(v -> out.add(of(v)));
                yield out;
            }
            case ObjectValue o -> {
                ObjectNode out = Json.object();
                for (ObjectField f : o.getObjectFields()) {
                    out.set(f.getName(), of(f.getValue()));
                }
                yield out;
            }
            default -> Json.NODES.nullNode();
        };
    }
}
