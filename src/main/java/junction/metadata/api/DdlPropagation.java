package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.metadata.model.ColumnConfig;
import junction.metadata.model.Permission;
import junction.metadata.model.Relationship;
import junction.metadata.model.RelationshipUsing;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.Source;
import junction.metadata.model.TableConfig;
import junction.metadata.model.TableEntry;

/**
 * Carries DDL into a source's metadata, as Hasura's run_sql does: renamed tables and columns are
 * renamed wherever metadata names them (tracked tables, column config, relationships of any table,
 * remote relationships' join fields and {@code $column} references, permissions' columns, presets
 * and boolean expressions); a dropped tracked table goes away with everything defined on it (its
 * direct dependents: no {@code cascade} needed); the column config of a dropped column goes away.
 * Objects of the remaining tables that used something dropped are indirect dependents:
 * relationships are left as they are, so that resolving the result shows them broken; remote
 * relationships that lost a join field and permissions that used a dropped column (or a column of a
 * dropped table) are taken out here and reported.
 */
final class DdlPropagation {
    /** The source after the DDL, and the objects taken out of it that used something dropped. */
    record Result(Source source, List<String> dependents) {
    }

    private final String source;
    private final CatalogChanges changes;
    private final PermissionColumns permissionColumns;
    private final List<String> dependents = new ArrayList<>();

    private DdlPropagation(String source, CatalogChanges changes, PermissionColumns permissionColumns) {
        this.source = source;
        this.changes = changes;
        this.permissionColumns = permissionColumns;
    }

    /** {@code permissionColumns} reads permissions against the catalog from before the DDL. */
    static Result apply(Source source, CatalogChanges changes, PermissionColumns permissionColumns) {
        DdlPropagation propagation = new DdlPropagation(source.name(), changes, permissionColumns);
        List<TableEntry> tables = new ArrayList<>();
        for (TableEntry entry : source.tables()) {
            if (!changes.droppedTables().contains(entry.table())) {
                tables.add(propagation.table(entry));
            }
        }
        return new Result(source.withTables(tables), propagation.dependents);
    }

    private TableEntry table(TableEntry entry) {
        TableName name = changes.renamed(entry.table());
        List<RemoteRelationship> remotes = new ArrayList<>();
        for (RemoteRelationship remote : entry.remoteRelationships()) {
            remoteRelationship(name, remote).ifPresent(remotes::add);
        }
        return entry.withTable(name).withConfiguration(config(name, entry.configuration()))
                .withRelationships(relationships(name, entry.objectRelationships()),
                        relationships(name, entry.arrayRelationships()))
                .withRemoteRelationships(remotes)
                .withPermissions(permissions(entry, "select", entry.selectPermissions()),
                        permissions(entry, "insert", entry.insertPermissions()),
                        permissions(entry, "update", entry.updatePermissions()),
                        permissions(entry, "delete", entry.deletePermissions()));
    }

    /** The permissions that use no dropped column, with renames applied; the others are reported as dependents. */
    private List<Permission> permissions(TableEntry entry, String kind, List<Permission> permissions) {
        List<Permission> kept = new ArrayList<>();
        for (Permission permission : permissions) {
            boolean broken = permissionColumns.of(entry.table(), permission.permission()).stream()
                    .anyMatch(use -> changes.isGone(use.table(), use.column()));
            if (broken) {
                dependents.add(permissionName(entry.table(), permission.role(), kind, source));
            } else {
                kept.add(new Permission(permission.role(),
                        permissionColumns.renamed(entry.table(), permission.permission(), changes), permission.comment()));
            }
        }
        return kept;
    }

    /** Hasura's name of a permission in dependency errors: {@code permission author.user.select in source "default"}. */
    static String permissionName(TableName table, String role, String kind, String source) {
        return "permission " + table + "." + role + "." + kind + " in source \"" + source + "\"";
    }

    private TableConfig config(TableName table, TableConfig config) {
        Map<String, ColumnConfig> columns = new LinkedHashMap<>();
        config.columnConfig().forEach((column, cc) -> {
            if (!changes.isDropped(table, column)) {
                columns.put(changes.renamedColumn(table, column), cc);
            }
        });
        return config.withColumnConfig(columns);
    }

    private List<Relationship> relationships(TableName self, List<Relationship> relationships) {
        return relationships.stream().map(r -> r.withUsing(using(self, r.using()))).toList();
    }

    /** The relationship's definition with table and column renames applied. */
    private RelationshipUsing using(TableName self, RelationshipUsing using) {
        return switch (using) {
            case RelationshipUsing.ForeignKey fk when fk.table().isEmpty() ->
                    new RelationshipUsing.ForeignKey(Optional.empty(), columns(self, fk.columns()), fk.form());
            case RelationshipUsing.ForeignKey fk -> {
                TableName other = changes.renamed(fk.table().get());
                yield new RelationshipUsing.ForeignKey(Optional.of(other), columns(other, fk.columns()), fk.form());
            }
            case RelationshipUsing.Manual manual -> {
                TableName other = changes.renamed(manual.remoteTable());
                Map<String, String> mapping = new LinkedHashMap<>();
                manual.columnMapping().forEach((mine, theirs) ->
                        mapping.put(changes.renamedColumn(self, mine), changes.renamedColumn(other, theirs)));
                yield new RelationshipUsing.Manual(other, mapping, manual.insertionOrder());
            }
        };
    }

    private List<String> columns(TableName table, List<String> columns) {
        return columns.stream().map(c -> changes.renamedColumn(table, c)).toList();
    }

    private Optional<RemoteRelationship> remoteRelationship(TableName name, RemoteRelationship remote) {
        ObjectNode definition = remote.definition().deepCopy();
        ObjectNode holder = definition.has("to_remote_schema") ? (ObjectNode) definition.get("to_remote_schema") : definition;
        String fieldsKey = holder.has("lhs_fields") ? "lhs_fields" : "hasura_fields";
        JsonNode fields = holder.get(fieldsKey);
        if (fields != null && fields.isArray()) {
            ArrayNode renamed = holder.putArray(fieldsKey);
            for (JsonNode field : fields) {
                if (changes.isDropped(name, field.asText())) {
                    dependents.add("remote relationship " + name + "." + remote.name() + " in source \"" + source + "\"");
                    return Optional.empty();
                }
                renamed.add(changes.renamedColumn(name, field.asText()));
            }
        }
        if (holder.has("remote_field")) {
            holder.set("remote_field", renameReferences(name, holder.get("remote_field")));
        }
        if (holder.get("batch") instanceof ObjectNode batch && batch.has("item")) {
            batch.set("item", renameReferences(name, batch.get("item")));
        }
        return Optional.of(new RemoteRelationship(remote.name(), definition));
    }

    /** Rewrites {@code "$column"} references in a remote field template. */
    private JsonNode renameReferences(TableName table, JsonNode node) {
        if (node.isTextual() && node.textValue().startsWith("$")) {
            return TextNode.valueOf("$" + changes.renamedColumn(table, node.textValue().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), renameReferences(table, e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(n -> out.add(renameReferences(table, n)));
            return out;
        }
        return node;
    }
}
