package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import junction.json.Json;

/**
 * Relay global ids sent as variables ({@code node(id: $id)}). What shapes the plan is only the
 * table the id names — its version, schema, table and number of items — so plans are cached by that
 * {@link #shape}, not by the id; the key values are read at execution from derived variables
 * {@code <name>#<index>} ({@link #item}), which {@link #expand} adds to the request's variables.
 */
public final class NodeIds {
    private NodeIds() {
    }

    /** What of an id's value the plan depends on: {@code [version, schema, table, items]}, or the value when it is no id. */
    public static JsonNode shape(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return value == null ? Json.NODES.nullNode() : value;
        }
        return Cursors.decode(value.textValue()).filter(id -> id.isArray() && id.size() >= 3).<JsonNode>map(id -> {
            ArrayNode shape = Json.array();
            shape.add(id.get(0)).add(id.get(1)).add(id.get(2)).add(id.size());
            return shape;
        }).orElse(value);
    }

    /** The derived variable that holds item {@code index} of the id in variable {@code name} (never a GraphQL name). */
    static String item(String name, int index) {
        return name + "#" + index;
    }

    /** The variables with, for each id variable in {@code names}, its decoded items as {@code <name>#<index>}. */
    public static ObjectNode expand(ObjectNode variables, Set<String> names) {
        if (names.isEmpty()) {
            return variables;
        }
        ObjectNode out = variables.deepCopy();
        for (String name : names) {
            JsonNode value = variables.get(name);
            if (value != null && value.isTextual()) {
                Cursors.decode(value.textValue()).filter(JsonNode::isArray).ifPresent(id -> {
                    for (int i = 0; i < id.size(); i++) {
                        out.set(item(name, i), id.get(i));
                    }
                });
            }
        }
        return out;
    }
}
