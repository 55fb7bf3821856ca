package junction.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Json;
import junction.metadata.resolve.BoolExpSyntax;
import junction.metadata.resolve.ResolvedRelationship;
import junction.schema.TableInfo;

/**
 * A v1 boolean expression ({@code where} of the JSON DML queries) rewritten into the GraphQL
 * {@code T_bool_exp} shape that {@link WhereReader} reads: operators may be spelt {@code $eq} or
 * {@code _eq} ({@code $ne} for {@code _neq}), and a column given a plain value means {@code _eq}.
 * Names are checked here, with Hasura's errors.
 */
final class DmlWhere {
    private static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "lt", "gte", "lte", "in", "nin", "like",
            "nlike", "ilike", "nilike", "similar", "nsimilar", "regex", "nregex", "iregex", "niregex", "contains",
            "contained_in", "has_key", "has_keys_any", "has_keys_all", "is_null");

    private final Tables tables;

    DmlWhere(Tables tables) {
        this.tables = tables;
    }

    ObjectNode rewrite(TableInfo table, JsonNode exp, String path) {
        if (exp == null || !exp.isObject()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Object, but encountered " + junction.json.Obj.kind(exp))
                    .at(path);
        }
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String at = JsonPath.key(path, key);
            switch (key) {
                case "$and", "_and" -> out.set("_and", rewriteAll(table, e.getValue(), at));
                case "$or", "_or" -> out.set("_or", rewriteAll(table, e.getValue(), at));
                case "$not", "_not" -> out.set("_not", rewrite(table, e.getValue(), at));
                case "$exists", "_exists" -> throw ApiException.of(Code.NOT_SUPPORTED,
                        "_exists is not supported in JSON DML queries").at(at);
                default -> out.set(key, field(table, key, e.getValue(), at));
            }
        }
        return out;
    }

    private ArrayNode rewriteAll(TableInfo table, JsonNode items, String path) {
        if (!items.isArray()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + junction.json.Obj.kind(items))
                    .at(path);
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < items.size(); i++) {
            out.add(rewrite(table, items.get(i), JsonPath.index(path, i)));
        }
        return out;
    }

    private JsonNode field(TableInfo table, String name, JsonNode value, String path) {
        if (table.column(name).isPresent()) {
            return operators(value, path);
        }
        ResolvedRelationship rel = table.relationship(name).orElseThrow(() -> notExists(name, path));
        return rewrite(tables.table(table.source(), rel.target()), value, path);
    }

    /** {@code {"$gt": 1, "_lt": 5}} as {@code {"_gt": 1, "_lt": 5}}; a plain value as {@code {"_eq": value}}. */
    private static JsonNode operators(JsonNode value, String path) {
        if (!BoolExpSyntax.isComparisons(value)) {
            return Json.object().set("_eq", value);
        }
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String op = BoolExpSyntax.operator(e.getKey()).substring(1);
            if (!OPERATORS.contains(op)) {
                throw ApiException.of(Code.UNEXPECTED_PAYLOAD, "Unknown operator : " + e.getKey())
                        .at(JsonPath.key(path, e.getKey()));
            }
            out.set("_" + op, e.getValue());
        }
        return out;
    }


    static ApiException notExists(String name, String path) {
        return ApiException.of(Code.NOT_EXISTS, "\"" + name + "\" does not exist").at(path);
    }
}
