package junction.metadata.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Catalog;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;

/**
 * What DDL did to the tables of a source, told apart by Postgres' stable identities (table oid,
 * column attnum): a rename keeps them, a drop loses them. Renamed and dropped columns are keyed by
 * the table's new name; columns whose type changed ({@code retypedColumns}) by the table's and the
 * column's old names, to look up what used them before the change.
 */
record CatalogChanges(Map<TableName, TableName> renamedTables, Set<TableName> droppedTables,
                      Map<TableName, Map<String, String>> renamedColumns, Map<TableName, Set<String>> droppedColumns,
                      Map<TableName, Set<String>> retypedColumns) {

    static CatalogChanges between(Catalog before, Catalog after) {
        Map<TableName, TableName> renamedTables = new HashMap<>();
        Set<TableName> droppedTables = new HashSet<>();
        Map<TableName, Map<String, String>> renamedColumns = new HashMap<>();
        Map<TableName, Set<String>> droppedColumns = new HashMap<>();
        Map<TableName, Set<String>> retypedColumns = new HashMap<>();
        for (Table old : before.tables().values()) {
            Optional<Table> now = after.table(old.name()).filter(t -> t.oid() == old.oid())
                    .or(() -> after.tableByOid(old.oid()));
            if (now.isEmpty()) {
                droppedTables.add(old.name());
                continue;
            }
            Table table = now.get();
            if (!table.name().equals(old.name())) {
                renamedTables.put(old.name(), table.name());
            }
            for (Column column : old.columns()) {
                Optional<Column> kept = table.columnByAttnum(column.attnum());
                if (kept.isEmpty()) {
                    droppedColumns.computeIfAbsent(table.name(), k -> new HashSet<>()).add(column.name());
                    continue;
                }
                if (!kept.get().name().equals(column.name())) {
                    renamedColumns.computeIfAbsent(table.name(), k -> new HashMap<>()).put(column.name(), kept.get().name());
                }
                if (!kept.get().type().equals(column.type())) {
                    retypedColumns.computeIfAbsent(old.name(), k -> new HashSet<>()).add(column.name());
                }
            }
        }
        return new CatalogChanges(renamedTables, droppedTables, renamedColumns, droppedColumns, retypedColumns);
    }

    boolean isEmpty() {
        return renamedTables.isEmpty() && droppedTables.isEmpty() && renamedColumns.isEmpty() && droppedColumns.isEmpty()
                && retypedColumns.isEmpty();
    }

    TableName renamed(TableName table) {
        return renamedTables.getOrDefault(table, table);
    }

    String renamedColumn(TableName tableNewName, String column) {
        return renamedColumns.getOrDefault(tableNewName, Map.of()).getOrDefault(column, column);
    }

    boolean isDropped(TableName tableNewName, String column) {
        return droppedColumns.getOrDefault(tableNewName, Set.of()).contains(column);
    }

    /** Whether the DDL took away a column (by its table's and its own old names), or the whole table. */
    boolean isGone(TableName tableOldName, String column) {
        return droppedTables.contains(tableOldName) || isDropped(renamed(tableOldName), column);
    }
}
