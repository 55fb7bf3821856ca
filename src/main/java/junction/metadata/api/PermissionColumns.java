package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.TableName;
import junction.json.Json;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.TrackedTable;

/**
 * The columns a permission uses, as Hasura records its dependencies: the {@code columns} it
 * grants, the keys of its {@code set} presets, and every column its {@code filter} or {@code check}
 * compares — through relationships and {@code _exists} into other tables too. A comparison with a
 * literal value depends on the column's type; one with a session variable, a column or
 * {@code _is_null} does not. The same walk carries table and column renames into the permission.
 */
final class PermissionColumns {
    /** One use of a column (by the names from before the DDL); {@code onType} when its type matters. */
    record Use(TableName table, String column, boolean onType) {
    }

    /** Comparison operators whose operand is another column of the table. */
    private static final String AGGREGATE = "_aggregate";
    private static final Set<String> COLUMN_COMPARISONS = Set.of("_ceq", "_cne", "_cgt", "_clt", "_cgte", "_clte");

    private final Catalog catalog;
    private final Map<TableName, TrackedTable> tracked;

    /** Reads permissions against the catalog and the resolved tables from before the DDL. */
    PermissionColumns(Catalog catalog, Map<TableName, TrackedTable> tracked) {
        this.catalog = catalog;
        this.tracked = tracked;
    }

    List<Use> of(TableName table, JsonNode permission) {
        Walk walk = new Walk(null);
        walk.permission(table, permission);
        return walk.uses;
    }

    /** The permission with the DDL's table and column renames applied. */
    JsonNode renamed(TableName table, JsonNode permission, CatalogChanges changes) {
        return new Walk(changes).permission(table, permission);
    }

    /** One walk over a permission: collects its uses and rewrites it with the renames, if any. */
    private final class Walk {
        private final CatalogChanges changes;
        private final List<Use> uses = new ArrayList<>();

        private Walk(CatalogChanges changes) {
            this.changes = changes;
        }

        private String column(TableName table, String column) {
            return changes == null ? column : changes.renamedColumn(changes.renamed(table), column);
        }

        JsonNode permission(TableName table, JsonNode permission) {
            if (!permission.isObject()) {
                return permission;
            }
            ObjectNode out = permission.deepCopy();
            if (permission.path("columns").isArray()) {
                ArrayNode columns = out.putArray("columns");
                for (JsonNode column : permission.path("columns")) {
                    if (column.isTextual()) {
                        uses.add(new Use(table, column.textValue(), false));
                        columns.add(column(table, column.textValue()));
                    } else {
                        columns.add(column);
                    }
                }
            }
            if (permission.path("set").isObject()) {
                ObjectNode set = out.putObject("set");
                permission.path("set").properties().forEach(preset -> {
                    uses.add(new Use(table, preset.getKey(), false));
                    set.set(column(table, preset.getKey()), preset.getValue());
                });
            }
            for (String key : List.of("filter", "check")) {
                if (permission.has(key)) {
                    out.set(key, boolExp(table, permission.get(key)));
                }
            }
            return out;
        }

        private JsonNode boolExp(TableName table, JsonNode exp) {
            if (exp.isArray()) {
                ArrayNode out = Json.array();
                exp.forEach(e -> out.add(boolExp(table, e)));
                return out;
            }
            if (!exp.isObject()) {
                return exp;
            }
            ObjectNode out = Json.object();
            exp.properties().forEach(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                switch (key) {
                    case "_and", "_or", "_not" -> out.set(key, boolExp(table, value));
                    case "_exists" -> out.set(key, exists(value));
                    default -> field(table, key, value, out);
                }
            });
            return out;
        }

        private void field(TableName table, String key, JsonNode value, ObjectNode out) {
            if (!key.startsWith("_") && catalog.table(table).flatMap(t -> t.column(key)).isPresent()) {
                uses.add(new Use(table, key, comparesWithValue(value)));
                out.set(column(table, key), comparisons(table, value));
                return;
            }
            Optional<TableName> target = key.startsWith("_") ? Optional.empty() : Optional.ofNullable(tracked.get(table))
                    .flatMap(t -> t.relationship(key)).map(ResolvedRelationship::target);
            if (target.isEmpty() && key.endsWith(AGGREGATE)) {
                Optional<TableName> counted = Optional.ofNullable(tracked.get(table))
                        .flatMap(t -> t.relationship(key.substring(0, key.length() - AGGREGATE.length())))
                        .map(ResolvedRelationship::target);
                out.set(key, counted.map(t -> aggregate(t, value)).orElse(value));
                return;
            }
            out.set(key, target.map(t -> boolExp(t, value)).orElse(value));
        }

        /** {@code {count: {arguments?, filter?, …}}} over the related table: its columns and its filter. */
        private JsonNode aggregate(TableName target, JsonNode value) {
            JsonNode count = value.path("count");
            if (!count.isObject()) {
                return value;
            }
            ObjectNode out = value.deepCopy();
            ObjectNode counted = (ObjectNode) out.get("count");
            if (count.path("arguments").isArray()) {
                ArrayNode arguments = counted.putArray("arguments");
                for (JsonNode column : count.path("arguments")) {
                    if (column.isTextual()) {
                        uses.add(new Use(target, column.textValue(), false));
                    }
                    arguments.add(column.isTextual() ? TextNode.valueOf(column(target, column.textValue())) : column);
                }
            }
            if (count.has("filter")) {
                counted.set("filter", boolExp(target, count.get("filter")));
            }
            return out;
        }

        /** A column's comparisons, with the other column of {@code _ceq} and the like renamed. */
        private JsonNode comparisons(TableName table, JsonNode comparisons) {
            if (!comparisons.isObject()) {
                return comparisons;
            }
            ObjectNode out = Json.object();
            comparisons.properties().forEach(comparison -> {
                JsonNode operand = comparison.getValue();
                if (COLUMN_COMPARISONS.contains(comparison.getKey()) && operand.isTextual()) {
                    uses.add(new Use(table, operand.textValue(), false));
                    operand = TextNode.valueOf(column(table, operand.textValue()));
                }
                out.set(comparison.getKey(), operand);
            });
            return out;
        }

        private JsonNode exists(JsonNode exists) {
            Optional<TableName> table = existsTable(exists.path("_table"));
            if (!exists.isObject() || table.isEmpty()) {
                return exists;
            }
            ObjectNode out = exists.deepCopy();
            if (changes != null && !changes.renamed(table.get()).equals(table.get())) {
                out.set("_table", MetadataWriter.tableName(changes.renamed(table.get())));
            }
            if (exists.has("_where")) {
                out.set("_where", boolExp(table.get(), exists.get("_where")));
            }
            return out;
        }
    }

    /** Whether a column's comparisons use a literal value (rather than only session variables). */
    private static boolean comparesWithValue(JsonNode comparisons) {
        if (!comparisons.isObject()) {
            return true;
        }
        for (var comparison : comparisons.properties()) {
            if (!comparison.getKey().equals("_is_null") && !COLUMN_COMPARISONS.contains(comparison.getKey())
                    && !isSessionVariable(comparison.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSessionVariable(JsonNode value) {
        if (value.isArray() && !value.isEmpty()) {
            for (JsonNode item : value) {
                if (!isSessionVariable(item)) {
                    return false;
                }
            }
            return true;
        }
        return value.isTextual() && value.textValue().toLowerCase(Locale.ROOT).startsWith("x-hasura-");
    }

    private static Optional<TableName> existsTable(JsonNode table) {
        if (table.isTextual()) {
            return Optional.of(TableName.of(table.textValue()));
        }
        if (table.path("name").isTextual()) {
            return Optional.of(new TableName(table.path("schema").asText("public"), table.path("name").textValue()));
        }
        return Optional.empty();
    }
}
