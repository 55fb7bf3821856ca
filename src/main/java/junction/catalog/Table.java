package junction.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table or view as Postgres has it; {@code oid} lets a rename be told from a drop, {@code kind} is
 * the relkind ({@code r} table, {@code p} partitioned table, {@code v} view, {@code m} materialized
 * view, {@code f} foreign table) and {@code writes} the mutations Postgres can run on it.
 */
public record Table(TableName name, long oid, String kind, List<Column> columns, Optional<UniqueKey> primaryKey,
                    List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys, String comment, Writes writes) {
    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A relation whose writes follow from its kind: all for a table, none for anything else. */
    public Table(TableName name, long oid, String kind, List<Column> columns, Optional<UniqueKey> primaryKey,
                 List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys, String comment) {
        this(name, oid, kind, columns, primaryKey, uniqueKeys, foreignKeys, comment, Writes.ofKind(kind));
    }

    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<Column> columnByAttnum(int attnum) {
        for (Column c : columns) {
            if (c.attnum() == attnum) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public boolean isView() {
        return !kind.equals("r") && !kind.equals("p");
    }
}
