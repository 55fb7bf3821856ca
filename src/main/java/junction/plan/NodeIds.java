package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import junction.json.Json;

/**
 * Relay global ids sent as variables ({@code node(id: $id)}). What shapes the plan is only the
 * table the id names — its version, schema, table and number of items — so plans are cached by that
 * {@link #shape}, not by the id; the key values are read at execution from derived variables
 * {@code <name>#<index>} ({@link #item}), which {@link #expand} adds to the request's variables once,
 * with the shape the plan cache looks up.
 */
public final class NodeIds {
    private NodeIds() {
    }

    /**
     * What of id variable {@code name}'s value the plan depends on: {@code [version, schema, table,
     * items]}, or the value when it is no id — taken from what {@link #expand} left when it has seen the
     * variable (decoded once per request), decoded here otherwise.
     */
    public static JsonNode shape(JsonNode variables, String name) {
        JsonNode expanded = variables.get(shapeOf(name));
        if (expanded != null) {
            return expanded;
        }
        JsonNode value = variables.get(name);
        return value == null ? Json.NODES.nullNode() : decoded(value).<JsonNode>map(NodeIds::shapeOf).orElse(value);
    }

    /** The derived variable that holds item {@code index} of the id in variable {@code name} (never a GraphQL name). */
    static String item(String name, int index) {
        return name + "#" + index;
    }

    private static String shapeOf(String name) {
        return name + "#shape";
    }

    private static ArrayNode shapeOf(JsonNode id) {
        ArrayNode shape = Json.array();
        shape.add(id.get(0)).add(id.get(1)).add(id.get(2)).add(id.size());
        return shape;
    }

    /** An id's items, when the value is base64 of a JSON array of at least three. */
    private static java.util.Optional<JsonNode> decoded(JsonNode value) {
        return value.isTextual() ? Cursors.decode(value.textValue()).filter(id -> id.isArray() && id.size() >= 3)
                : java.util.Optional.empty();
    }

    /**
     * The variables with, for each id variable in {@code names} not expanded yet, its decoded items as
     * {@code <name>#<index>} and its {@link #shape}; the same object when there is nothing to add.
     */
    public static ObjectNode expand(ObjectNode variables, Collection<String> names) {
        ObjectNode out = variables;
        for (String name : names) {
            if (variables.has(shapeOf(name))) {
                continue;
            }
            if (out == variables) {
                out = variables.deepCopy();
            }
            ObjectNode target = out;
            JsonNode value = variables.get(name);
            java.util.Optional<JsonNode> id = value == null ? java.util.Optional.empty() : decoded(value);
            id.ifPresent(items -> {
                for (int i = 0; i < items.size(); i++) {
                    target.set(item(name, i), items.get(i));
                }
            });
            target.set(shapeOf(name), id.<JsonNode>map(NodeIds::shapeOf).orElse(value == null ? Json.NODES.nullNode() : value));
        }
        return out;
    }
}
