package junction.metadata.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;

/** How a relationship finds its rows: through a foreign key, or by a manual column mapping. */
public sealed interface RelationshipUsing {

    /** The JSON shape the user wrote, kept so that export writes the same shape back. */
    enum Form { COLUMN, COLUMNS, TABLE_COLUMN, TABLE_COLUMNS }

    /**
     * {@code foreign_key_constraint_on}: columns of this table ({@code table} empty), or columns of
     * {@code table} that reference this table (the reverse direction).
     */
    record ForeignKey(Optional<TableName> table, List<String> columns, Form form) implements RelationshipUsing {
        public ForeignKey {
            columns = List.copyOf(columns);
        }
    }

    /** {@code manual_configuration}: this table's columns mapped to {@code remoteTable}'s columns. */
    record Manual(TableName remoteTable, Map<String, String> columnMapping, String insertionOrder) implements RelationshipUsing {
        public Manual {
            columnMapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnMapping));
        }
    }
}
