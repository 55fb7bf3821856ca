package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.Iterator;
import java.util.Map;
import junction.json.Json;

/**
 * Writes a JSON value as a GraphQL input literal: objects and lists keep their shape, strings are
 * escaped, and {@link GraphqlText} leaves (a client's own argument text merged into a join template)
 * are written as they are.
 */
public final class GraphqlLiteral {
    private GraphqlLiteral() {
    }

    public static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull()) {
            out.append("null");
        } else if (value instanceof POJONode pojo && pojo.getPojo() instanceof GraphqlText text) {
            out.append(text.text());
        } else if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.append(e.getKey()).append(": ");
                write(e.getValue(), out);
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isPojo()) {
            out.append(((com.fasterxml.jackson.databind.node.POJONode) value).getPojo());
        } else if (value.isTextual()) {
            out.append(Json.write(value));
        } else {
            out.append(value.asText());
        }
    }
}
