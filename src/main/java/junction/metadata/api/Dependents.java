package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.ResolvedRelationship;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TrackedTable;

/** Relationships of other tables that would break if a table went away. */
record Dependents(String source, List<Dependent> items) {

    record Dependent(TableName table, String relationship, ResolvedRelationship.Kind kind) {
        String describe(String source) {
            String type = kind == ResolvedRelationship.Kind.OBJECT ? "object_relation" : "array_relation";
            return type + " " + relationship + " in table " + table + " in source " + source;
        }
    }

    static Dependents onTable(Snapshot snapshot, String source, TableName target) {
        List<Dependent> items = new ArrayList<>();
        SourceSnapshot resolved = snapshot.source(source).orElse(null);
        if (resolved != null) {
            for (TrackedTable table : resolved.tables().values()) {
                if (table.name().equals(target)) {
                    continue;
                }
                for (ResolvedRelationship r : table.relationships()) {
                    if (r.target().equals(target)) {
                        items.add(new Dependent(table.name(), r.name(), r.kind()));
                    }
                }
            }
        }
        return new Dependents(source, items);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    ApiException error() {
        List<String> names = items.stream().map(d -> d.describe(source)).toList();
        return ApiException.of(Code.DEPENDENCY_ERROR,
                "cannot drop due to the following dependent objects : " + String.join(", ", names));
    }

    TableEntry removeFrom(TableEntry entry) {
        TableEntry out = entry;
        for (Dependent d : items) {
            if (d.table.equals(entry.table())) {
                out = out.withoutRelationship(d.relationship);
            }
        }
        return out;
    }
}
