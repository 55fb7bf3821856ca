package junction.metadata.api;

import java.util.Optional;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Snapshot;

/** Finds the source and table a command's args name, failing with Hasura's errors. */
final class Lookup {
    private Lookup() {
    }

    static String sourceName(Obj args) {
        return args.optString("source").orElse("default");
    }

    static Source source(Metadata metadata, Obj args) {
        String name = sourceName(args);
        return metadata.source(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "source with name \"" + name + "\" does not exist").at(args.has("source") ? args.pathOf("source") : args.path()));
    }

    static TableName tableName(Obj args) {
        return MetadataReader.tableName(args.required("table"), args.pathOf("table"));
    }

    /** The tracked table named by {@code args.table} in {@code args.source}. */
    static TableEntry trackedTable(Metadata metadata, Obj args) {
        Source source = source(metadata, args);
        TableName name = tableName(args);
        return source.table(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "table \"" + name + "\" does not exist in source: " + source.name()).at(args.pathOf("table")));
    }

    /** The database table behind a tracked table, if its source is reachable and the table exists. */
    static Optional<Table> catalogTable(Snapshot snapshot, String source, TableName table) {
        return snapshot.source(source).flatMap(s -> s.catalog().table(table));
    }
}
