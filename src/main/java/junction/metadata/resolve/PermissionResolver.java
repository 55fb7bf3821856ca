package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.model.Permission;
import junction.metadata.model.TableEntry;

/**
 * The permissions stage: each tracked table's select, insert, update and delete permissions read
 * against the catalog and the resolved relationships. A permission that does not fit (an unknown
 * column, an operator the column's type does not have, …) is left out and reported — so the role
 * loses that permission, never gains anything.
 */
final class PermissionResolver {
    /** The kinds of table permission, as metadata names them ({@code select_permissions}, …). */
    enum Kind {
        SELECT, INSERT, UPDATE, DELETE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String source;
    private final Map<TableName, TrackedTable> tables;
    private final FilterReader filters;

    PermissionResolver(String source, Map<TableName, TrackedTable> tables) {
        this.source = source;
        this.tables = tables;
        this.filters = new FilterReader(tables);
    }

    /** Each role's permissions on {@code table}, by role. */
    Map<String, TablePermissions> resolve(TrackedTable table, List<Inconsistency> issues) {
        Map<String, TablePermissions> out = new LinkedHashMap<>();
        TableEntry entry = table.entry();
        for (Permission p : entry.selectPermissions()) {
            read(table, Kind.SELECT, p, issues).ifPresent(v -> out.merge(p.role(),
                    TablePermissions.NONE.withSelect(Optional.of((SelectPermission) v)),
                    (a, b) -> a.withSelect(b.select())));
        }
        for (Permission p : entry.insertPermissions()) {
            read(table, Kind.INSERT, p, issues).ifPresent(v -> out.merge(p.role(),
                    TablePermissions.NONE.withInsert(Optional.of((InsertPermission) v)),
                    (a, b) -> a.withInsert(b.insert())));
        }
        for (Permission p : entry.updatePermissions()) {
            read(table, Kind.UPDATE, p, issues).ifPresent(v -> out.merge(p.role(),
                    TablePermissions.NONE.withUpdate(Optional.of((UpdatePermission) v)),
                    (a, b) -> a.withUpdate(b.update())));
        }
        for (Permission p : entry.deletePermissions()) {
            read(table, Kind.DELETE, p, issues).ifPresent(v -> out.merge(p.role(),
                    TablePermissions.NONE.withDelete(Optional.of((DeletePermission) v)),
                    (a, b) -> a.withDelete(b.delete())));
        }
        return out;
    }

    private Optional<Object> read(TrackedTable table, Kind kind, Permission permission, List<Inconsistency> issues) {
        try {
            if (permission.role().equals(TablePermissions.ADMIN)) {
                throw new FilterReader.Problem("cannot define permission for admin role");
            }
            JsonNode p = permission.permission();
            return Optional.of(switch (kind) {
                case SELECT -> select(table, p);
                case INSERT -> insert(table, p);
                case UPDATE -> update(table, p);
                case DELETE -> new DeletePermission(filter(table, p, "filter"), bool(p, "backend_only"));
            });
        } catch (FilterReader.Problem problem) {
            issues.add(issue(table, kind, permission, problem.getMessage()));
            return Optional.empty();
        }
    }

    /** Hasura's message when a permission's {@code columns} names a relationship. */
    private static void notRelationships(TrackedTable table, JsonNode columns, String why) {
        for (String name : names(columns == null || columns.isTextual() ? null : columns)) {
            if (table.table().column(name).isEmpty() && table.relationship(name).isPresent()) {
                throw new FilterReader.Problem("expecting a postgres column; but, \"" + name + "\" is a relationship; " + why);
            }
        }
    }

    /** Checked in Hasura's order (filter, columns, computed fields, limit), so the first problem is the one it names. */
    private SelectPermission select(TrackedTable table, JsonNode p) {
        Filter filter = filter(table, p, "filter");
        notRelationships(table, p.get("columns"), "permissions for relationships are automatically inferred");
        List<String> columns = columns(table.table(), p.get("columns"));
        List<String> computed = computedFields(table, p.get("computed_fields"));
        Optional<Integer> limit = Optional.empty();
        if (p.hasNonNull("limit")) {
            if (!p.get("limit").canConvertToInt() || p.get("limit").intValue() < 0) {
                throw new FilterReader.Problem("unexpected negative value");
            }
            limit = Optional.of(p.get("limit").intValue());
        }
        return new SelectPermission(columns, filter, limit, bool(p, "allow_aggregations"),
                rootFields(p.get("query_root_fields")), rootFields(p.get("subscription_root_fields")), computed, Map.of());
    }

    /** Check, presets, columns; without {@code columns}, every column (Hasura reads a missing list as {@code "*"}). */
    private InsertPermission insert(TrackedTable table, JsonNode p) {
        Filter check = filter(table, p, "check");
        Map<String, Operand> set = presets(table.table(), p.get("set"));
        notRelationships(table, p.get("columns"), "");
        JsonNode columns = p.hasNonNull("columns") ? p.get("columns") : Json.NODES.textNode("*");
        return new InsertPermission(check, set, columns(table.table(), columns), bool(p, "backend_only"));
    }

    /** Filter, check, presets, columns. */
    private UpdatePermission update(TrackedTable table, JsonNode p) {
        Filter filter = filter(table, p, "filter");
        Filter check = filter(table, p, "check");
        Map<String, Operand> set = presets(table.table(), p.get("set"));
        notRelationships(table, p.get("columns"), "relationships can't be used in update");
        return new UpdatePermission(columns(table.table(), p.get("columns")), filter, check, set, bool(p, "backend_only"));
    }

    private Filter filter(TrackedTable table, JsonNode p, String key) {
        return filters.read(table, p.get(key));
    }

    /** {@code "*"} or a list of column names; in table order. */
    private static List<String> columns(Table table, JsonNode columns) {
        if (columns == null || columns.isNull()) {
            return List.of();
        }
        if (columns.isTextual() && columns.textValue().equals("*")) {
            return table.columns().stream().map(Column::name).toList();
        }
        List<String> named = names(columns);
        for (String name : named) {
            if (table.column(name).isEmpty()) {
                throw new FilterReader.Problem("column \"" + name + "\" does not exist");
            }
        }
        return table.columns().stream().map(Column::name).filter(named::contains).toList();
    }

    /**
     * The scalar computed fields a select permission grants ({@code "*"}: all of them). Those
     * returning rows follow the returning table's permission and cannot be named.
     */
    private static List<String> computedFields(TrackedTable table, JsonNode list) {
        if (list != null && list.isTextual() && list.textValue().equals("*")) {
            return table.computedFields().stream().filter(ResolvedComputedField::scalar)
                    .map(ResolvedComputedField::name).toList();
        }
        List<String> named = names(list);
        for (String name : named) {
            ResolvedComputedField field = table.computedField(name).orElseThrow(() ->
                    new FilterReader.Problem("computed field \"" + name + "\" does not exist"));
            if (!field.scalar()) {
                throw new FilterReader.Problem("select permissions on computed field \"" + name
                        + "\" are auto-derived from the permissions on its returning table \""
                        + field.returnTable().orElseThrow() + "\" and cannot be specified manually");
            }
        }
        return named.stream().distinct().toList();
    }

    private static Map<String, Operand> presets(Table table, JsonNode set) {
        Map<String, Operand> out = new LinkedHashMap<>();
        if (set == null || set.isNull()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (table.column(e.getKey()).isEmpty()) {
                throw new FilterReader.Problem("column \"" + e.getKey() + "\" does not exist");
            }
            out.put(e.getKey(), FilterReader.operand(table.column(e.getKey()).orElseThrow(), e.getValue()));
        }
        return out;
    }

    private static Set<String> rootFields(JsonNode list) {
        if (list == null || list.isNull()) {
            return SelectPermission.ROOT_FIELDS;
        }
        List<String> named = names(list);
        for (String name : named) {
            if (!SelectPermission.ROOT_FIELDS.contains(name)) {
                throw new FilterReader.Problem("unknown root field \"" + name + "\"");
            }
        }
        return Set.copyOf(named);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new FilterReader.Problem("expected an array of names, but found " + junction.json.Obj.kind(list));
        }
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean bool(JsonNode p, String key) {
        return p.hasNonNull(key) && p.get(key).asBoolean();
    }

    private Inconsistency issue(TrackedTable table, Kind kind, Permission permission, String problem) {
        var definition = Json.object();
        definition.put("source", source);
        definition.set("table", junction.metadata.codec.MetadataWriter.tableName(table.name()));
        definition.put("role", permission.role());
        definition.set("permission", permission.permission());
        definition.put("comment", permission.comment());
        return new Inconsistency(kind.key() + "_permission", kind.key() + "_permission " + permission.role()
                + " in table " + table.name() + " in source " + source, definition,
                "Inconsistent object: in table \"" + table.name() + "\": in permission for role \"" + permission.role()
                        + "\": " + problem, Code.PERMISSION_DENIED,
                new Inconsistency.Location(source, table.name(), PermissionResolver.object(kind, permission.role())));
    }

    /** How a permission is named in an {@link Inconsistency.Location}: {@code permission:select:user}. */
    static String object(Kind kind, String role) {
        return "permission:" + kind.key() + ":" + role;
    }
}
