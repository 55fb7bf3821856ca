package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.TableName;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.TrackedTable;

/**
 * The columns a permission uses, as Hasura records its dependencies: the {@code columns} it
 * grants, the keys of its {@code set} presets, and every column its {@code filter} or {@code check}
 * compares — through relationships and {@code _exists} into other tables too. A comparison with a
 * literal value depends on the column's type; one with a session variable, a column or
 * {@code _is_null} does not.
 */
final class PermissionColumns {
    /** One use of a column; {@code onType} when a change of the column's type would break it. */
    record Use(TableName table, String column, boolean onType) {
    }

    /** Comparison operators whose operand is not a value: {@code _is_null} and the column comparisons. */
    private static final Set<String> VALUELESS = Set.of("_is_null", "_ceq", "_cne", "_cgt", "_clt", "_cgte", "_clte");

    private final Catalog catalog;
    private final Map<TableName, TrackedTable> tracked;

    /** Reads permissions against the catalog and the resolved tables they were written for. */
    PermissionColumns(Catalog catalog, Map<TableName, TrackedTable> tracked) {
        this.catalog = catalog;
        this.tracked = tracked;
    }

    List<Use> of(TableName table, JsonNode permission) {
        List<Use> uses = new ArrayList<>();
        for (JsonNode column : permission.path("columns")) {
            if (column.isTextual()) {
                uses.add(new Use(table, column.textValue(), false));
            }
        }
        permission.path("set").fieldNames().forEachRemaining(column -> uses.add(new Use(table, column, false)));
        boolExp(table, permission.path("filter"), uses);
        boolExp(table, permission.path("check"), uses);
        return uses;
    }

    private void boolExp(TableName table, JsonNode exp, List<Use> uses) {
        if (exp.isArray()) {
            exp.forEach(e -> boolExp(table, e, uses));
            return;
        }
        exp.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "_and", "_or", "_not" -> boolExp(table, value, uses);
                case "_exists" -> existsTable(value.path("_table")).ifPresent(t -> boolExp(t, value.path("_where"), uses));
                default -> field(table, key, value, uses);
            }
        });
    }

    private void field(TableName table, String key, JsonNode value, List<Use> uses) {
        if (key.startsWith("_")) {
            return;
        }
        if (catalog.table(table).flatMap(t -> t.column(key)).isPresent()) {
            uses.add(new Use(table, key, comparesWithValue(value)));
            return;
        }
        Optional.ofNullable(tracked.get(table)).flatMap(t -> t.relationship(key)).map(ResolvedRelationship::target)
                .ifPresent(target -> boolExp(target, value, uses));
    }

    /** Whether a column's comparisons use a literal value (rather than only session variables). */
    private static boolean comparesWithValue(JsonNode comparisons) {
        if (!comparisons.isObject()) {
            return true;
        }
        for (var comparison : comparisons.properties()) {
            if (!VALUELESS.contains(comparison.getKey()) && !isSessionVariable(comparison.getValue())) {
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
