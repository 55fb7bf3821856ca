package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.Permission;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.ResolvedRemoteRelationship;
import junction.metadata.resolve.TrackedTable;

/**
 * run_sql's refusal to change the type of a column that metadata depends on for its type:
 * relationships joining on it (on either side), remote relationships passing it to the remote
 * schema, and permissions comparing it with a literal value. Hasura's {@code dependency-error}
 * "cannot change type of column "c" in table "t" because of the following dependencies: …".
 */
final class ColumnTypeCheck {
    private final String source;
    private final Iterable<TrackedTable> tables;
    private final PermissionColumns permissionColumns;

    /** {@code tables}: the tracked tables resolved against the catalog from before the DDL. */
    ColumnTypeCheck(String source, Iterable<TrackedTable> tables, PermissionColumns permissionColumns) {
        this.source = source;
        this.tables = tables;
        this.permissionColumns = permissionColumns;
    }

    void verify(CatalogChanges changes) {
        changes.retypedColumns().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().stream().sorted().forEach(column -> verify(changes, e.getKey(), column)));
    }

    private void verify(CatalogChanges changes, TableName table, String column) {
        List<String> dependents = dependents(changes, table, column);
        if (!dependents.isEmpty()) {
            throw ApiException.of(Code.DEPENDENCY_ERROR, "cannot change type of column \"" + column + "\" in table \""
                    + table + "\" because of the following dependencies: " + String.join(", ", dependents));
        }
    }

    /** What depends on the column's type, leaving out the objects of tables the same DDL dropped. */
    private List<String> dependents(CatalogChanges changes, TableName table, String column) {
        List<String> out = new ArrayList<>();
        String inSource = " in source \"" + source + "\"";
        for (TrackedTable tracked : tables) {
            if (changes.droppedTables().contains(tracked.name())) {
                continue;
            }
            for (ResolvedRelationship relationship : tracked.relationships()) {
                boolean mine = tracked.name().equals(table) && relationship.mapping().containsKey(column);
                boolean theirs = relationship.target().equals(table) && relationship.mapping().containsValue(column);
                if (mine || theirs) {
                    out.add("relationship " + tracked.name() + "." + relationship.name() + inSource);
                }
            }
            for (ResolvedRemoteRelationship remote : tracked.remoteRelationships()) {
                if (tracked.name().equals(table) && remote.definition().lhsFields().contains(column)) {
                    out.add("remote relationship " + tracked.name() + "." + remote.name() + inSource);
                }
            }
            permissions(tracked.entry(), table, column, out);
        }
        return out.stream().distinct().sorted().toList();
    }

    private void permissions(TableEntry entry, TableName table, String column, List<String> out) {
        List<List<Permission>> kinds = List.of(entry.selectPermissions(), entry.insertPermissions(),
                entry.updatePermissions(), entry.deletePermissions());
        List<String> names = List.of("select", "insert", "update", "delete");
        for (int i = 0; i < kinds.size(); i++) {
            for (Permission permission : kinds.get(i)) {
                boolean onType = permissionColumns.of(entry.table(), permission.permission()).stream()
                        .anyMatch(use -> use.onType() && use.table().equals(table) && use.column().equals(column));
                if (onType) {
                    out.add(DdlPropagation.permissionName(entry.table(), permission.role(), names.get(i), source));
                }
            }
        }
    }
}
