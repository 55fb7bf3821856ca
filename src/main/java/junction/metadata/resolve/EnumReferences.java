package junction.metadata.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.catalog.Catalog;
import junction.catalog.ForeignKey;
import junction.catalog.EnumRows;
import junction.catalog.TableName;

/**
 * Types columns with enum tables' enums, as Hasura does: a column whose one-column foreign key
 * references the key of a tracked, consistent enum table of the same source takes that table's enum
 * ({@code <table>_enum}, the table's custom name if it has one; named through the source's naming), in outputs, filters and inputs.
 */
final class EnumReferences {
    private EnumReferences() {
    }

    /** Gives each table in {@code tables} (the consistent ones of a source) its enum columns. */
    static void resolve(Catalog catalog, Map<TableName, TrackedTable> tables, Naming naming) {
        Map<TableName, EnumReference> enums = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            if (t.entry().isEnum()) {
                List<EnumRows.Row> rows = catalog.enumRows(name).map(EnumRows::rows).orElse(List.of());
                enums.put(name, new EnumReference(name, naming.tableType(t, "_enum"), rows));
            }
        });
        if (enums.isEmpty()) {
            return;
        }
        tables.replaceAll((name, t) -> {
            Map<String, EnumReference> columns = new LinkedHashMap<>();
            for (ForeignKey fk : t.table().foreignKeys()) {
                EnumReference target = enums.get(fk.target());
                if (target != null && fk.columns().size() == 1 && referencesKey(catalog, fk)) {
                    columns.putIfAbsent(fk.columns().keySet().iterator().next(), target);
                }
            }
            return columns.isEmpty() ? t : t.withEnumColumns(columns);
        });
    }

    /** Whether the foreign key's one column references the enum table's primary key column. */
    private static boolean referencesKey(Catalog catalog, ForeignKey fk) {
        String referenced = fk.columns().values().iterator().next();
        return catalog.table(fk.target()).flatMap(t -> t.primaryKey())
                .map(pk -> pk.columns().equals(List.of(referenced))).orElse(false);
    }
}
