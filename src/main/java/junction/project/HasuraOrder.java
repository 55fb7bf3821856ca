package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The key order of Hasura's newest CLI (v2, aeson 2): what Hasura's server encodes field by field
 * ({@code metadataToOrdJSON}) comes in that order — a table's {@code table}, {@code is_enum},
 * {@code configuration}, relationships, remote relationships, insert/select/update/delete
 * permissions, event triggers; a permission's {@code role}, {@code permission}, {@code comment}; a
 * remote schema's {@code name}, {@code definition}, {@code comment}, {@code permissions}, {@code
 * remote_relationships} — and every other object (a table name, a filter, a connection, a remote
 * relationship's definition…) with its keys sorted. A source is written as the CLI writes
 * databases.yaml: {@code name}, {@code kind}, {@code configuration}, …, {@code tables}, {@code
 * functions}. Keys Hasura does not know keep their place after the known ones.
 */
final class HasuraOrder {
    private static final List<String> SOURCE = List.of("name", "kind", "configuration", "query_tags", "customization",
            "health_check", "custom_return_types", "native_queries", "stored_procedures", "logical_models");
    private static final List<String> TABLE = List.of("table", "is_enum", "configuration", "object_relationships",
            "array_relationships", "computed_fields", "remote_relationships", "insert_permissions", "select_permissions",
            "update_permissions", "delete_permissions", "event_triggers", "apollo_federation_config", "logical_model");
    private static final Map<String, List<String>> PERMISSION = Map.of(
            "insert_permissions", List.of("check", "set", "columns", "backend_only", "validate_input"),
            "select_permissions", List.of("columns", "computed_fields", "filter", "limit", "allow_aggregations",
                    "query_root_fields", "subscription_root_fields"),
            "update_permissions", List.of("columns", "filter", "check", "set", "backend_only", "validate_input"),
            "delete_permissions", List.of("filter", "backend_only", "validate_input"));
    private static final List<String> EVENT_TRIGGER = List.of("name", "definition", "retry_conf", "webhook",
            "webhook_from_env", "headers", "request_transform", "response_transform", "cleanup_config", "trigger_on_replication");
    private static final List<String> REMOTE_SCHEMA_DEFINITION = List.of("url", "url_from_env", "timeout_seconds",
            "customization", "headers", "forward_client_headers");

    private HasuraOrder() {
    }

    static JsonNode source(JsonNode source) {
        ObjectNode out = ordered(source, SOURCE, HasuraOrder::sorted);
        for (String key : List.of("tables", "functions")) {
            if (source.has(key)) {
                out.remove(key);
                out.set(key, source.get(key));
            }
        }
        return out;
    }

    static JsonNode table(JsonNode table) {
        ObjectNode out = ordered(table, TABLE, HasuraOrder::sorted);
        for (String key : List.of("object_relationships", "array_relationships", "computed_fields")) {
            reorder(out, table, key, list -> each(list, r -> ordered(r, List.of("name", "using", "definition", "comment"),
                    HasuraOrder::sorted)));
        }
        PERMISSION.forEach((key, fields) -> reorder(out, table, key, list -> each(list, p -> permission(p, fields))));
        reorder(out, table, "event_triggers", list -> each(list, t -> ordered(t, EVENT_TRIGGER, HasuraOrder::sorted)));
        return present(out, table);
    }

    static JsonNode function(JsonNode function) {
        return ordered(function, List.of("function", "configuration", "permissions", "comment"), HasuraOrder::sorted);
    }

    static JsonNode remoteSchema(JsonNode remote) {
        ObjectNode out = ordered(remote, List.of("name", "definition", "comment", "permissions", "remote_relationships"),
                HasuraOrder::sorted);
        reorder(out, remote, "definition", definition -> present(ordered(definition, REMOTE_SCHEMA_DEFINITION,
                HasuraOrder::sorted), definition));
        reorder(out, remote, "permissions", list -> each(list, p -> ordered(p, List.of("role", "definition", "comment"),
                HasuraOrder::sorted)));
        return present(out, remote);
    }

    private static JsonNode permission(JsonNode permission, List<String> fields) {
        ObjectNode out = ordered(permission, List.of("role", "permission", "comment"), HasuraOrder::sorted);
        reorder(out, permission, "permission", p -> present(ordered(p, fields, HasuraOrder::sorted), p));
        return present(out, permission);
    }

    /** {@code out}'s {@code key} (in place) from the original's value through {@code order}, when the original has it. */
    private static void reorder(ObjectNode out, JsonNode original, String key, UnaryOperator<JsonNode> order) {
        if (original.isObject() && original.has(key)) {
            out.replace(key, order.apply(original.get(key)));
        }
    }

    /** The known keys in their order, then the others as they come; each value through {@code values}. */
    private static ObjectNode ordered(JsonNode node, List<String> order, UnaryOperator<JsonNode> values) {
        ObjectNode out = MetadataFiles.NODES.objectNode();
        if (!node.isObject()) {
            return out;
        }
        for (String key : order) {
            if (node.has(key)) {
                out.set(key, values.apply(node.get(key)));
            }
        }
        node.fields().forEachRemaining(f -> {
            if (!out.has(f.getKey())) {
                out.set(f.getKey(), values.apply(f.getValue()));
            }
        });
        return out;
    }

    /** A value with the keys of every object in it sorted, as aeson 2 encodes it. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> keys = new TreeMap<>();
            node.fields().forEachRemaining(f -> keys.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = MetadataFiles.NODES.objectNode();
            keys.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MetadataFiles.NODES.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static JsonNode each(JsonNode list, UnaryOperator<JsonNode> entry) {
        if (!list.isArray()) {
            return list;
        }
        ArrayNode out = MetadataFiles.NODES.arrayNode();
        list.forEach(item -> out.add(item.isObject() ? entry.apply(item) : item));
        return out;
    }

    /** {@code out} where the original was an object; a non-object value (a mistake the engine will name) as it was. */
    private static JsonNode present(ObjectNode out, JsonNode original) {
        return original.isObject() ? out : original;
    }
}
