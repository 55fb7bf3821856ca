package junction.metadata.api;

import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

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
                "table \"" + name + "\" does not exist").at(args.pathOf("table")));
    }
}
