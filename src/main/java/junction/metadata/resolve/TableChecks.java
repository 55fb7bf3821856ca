package junction.metadata.resolve;

import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.Table;
import junction.metadata.model.TableEntry;

/** Checks that a tracked table and the columns its configuration names exist. */
final class TableChecks {
    private TableChecks() {
    }

    static Optional<String> tableProblem(TableEntry entry, Catalog catalog) {
        Optional<Table> table = catalog.table(entry.table());
        if (table.isEmpty()) {
            return Optional.of("no such table/view exists in source: \"" + entry.table() + "\"");
        }
        return entry.configuration().columnConfig().keySet().stream()
                .filter(c -> table.get().column(c).isEmpty())
                .findFirst()
                .map(c -> "configuration was given for the column \"" + c + "\", but no such column exists");
    }
}
