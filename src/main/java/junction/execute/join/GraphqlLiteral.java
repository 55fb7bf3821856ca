package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import junction.json.Json;

/** Writes a JSON value as a GraphQL input literal: objects and lists keep their shape, strings are escaped. */
final class GraphqlLiteral {
    private GraphqlLiteral() {
    }

    static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull()) {
            out.append("null");
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
        } else if (value.isTextual()) {
            out.append(Json.write(value));
        } else {
            out.append(value.asText());
        }
    }
}
