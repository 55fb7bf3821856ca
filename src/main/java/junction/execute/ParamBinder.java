package junction.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import junction.json.Json;
import junction.plan.ir.Value;
import junction.sql.Sql;

/**
 * Binds a statement's parameters for one request: each value is read from the literal or the
 * request's variables and sent as text of unspecified type, so that the cast in the statement
 * ({@code ?::"int4"}) decides how Postgres reads it.
 */
final class ParamBinder {
    private ParamBinder() {
    }

    static void bind(PreparedStatement statement, List<Sql.Param> params, Bindings values) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Sql.Param param = params.get(i);
            String text = param.array() && param.value() instanceof Value.SessionVariable s
                    ? sessionArray(values.session(s.name()))
                    : text(param, resolve(param.value(), values));
            if (text == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, text, Types.OTHER);
            }
        }
    }

    /**
     * A session variable where a list is expected ({@code _in: "X-Hasura-Allowed-Ids"}): its value is
     * a Postgres array literal ({@code {1,2}}), sent as it is for Postgres to read; any other text is
     * a list of that one value.
     */
    static String sessionArray(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            return trimmed;
        }
        return "{\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** The parameter values as JSON, for error details and explain. */
    static ArrayNode describe(List<Sql.Param> params, Bindings values) {
        ArrayNode out = Json.array();
        params.forEach(p -> {
            try {
                out.add(resolve(p.value(), values));
            } catch (junction.error.ApiException e) {
                out.addNull();
            }
        });
        return out;
    }

    static JsonNode resolve(Value value, Bindings values) {
        return switch (value) {
            case Value.Literal l -> l.value();
            case Value.Variable v -> {
                JsonNode node = values.variables().get(v.name());
                yield node == null ? Json.NODES.nullNode() : node;
            }
            case Value.SessionVariable s -> Json.NODES.textNode(values.session(s.name()));
            case Value.Session s -> values.sessionJson();
            case Value.ListOf list -> {
                ArrayNode out = Json.array();
                list.items().forEach(item -> out.add(resolve(item, values)));
                yield out;
            }
        };
    }

    /** The text Postgres reads for a value, or null for SQL NULL. */
    static String text(Sql.Param param, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (param.array()) {
            return arrayLiteral(value.isArray() ? value : Json.array().add(value), param.type());
        }
        return scalar(value, param.type());
    }

    private static String scalar(JsonNode value, String type) {
        if (type.equals("json") || type.equals("jsonb")) {
            return Json.write(value);
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            return arrayLiteral(value, type.startsWith("_") ? type.substring(1) : type);
        }
        if (value.isBigDecimal()) {
            return plain(value.decimalValue());
        }
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    /**
     * The number's digits, unless they are more than any numeric Postgres reads (131072 before the
     * point, 16383 after): then its scientific notation, which Postgres refuses with its own error —
     * {@code 1e999999999} is 13 bytes of JSON and would be a billion digits.
     */
    private static String plain(java.math.BigDecimal number) {
        long before = (long) number.precision() - number.scale();
        return before > 131_072 || number.scale() > 16_383 ? number.toString() : number.toPlainString();
    }

    /** A Postgres array literal: {@code {"a","b\"c",NULL}}. */
    private static String arrayLiteral(JsonNode array, String elementType) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonNode item = array.get(i);
            if (item == null || item.isNull()) {
                out.append("NULL");
            } else if (item.isArray() && !elementType.startsWith("json")) {
                out.append(arrayLiteral(item, elementType));
            } else {
                String text = scalar(item, elementType);
                out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }
}
