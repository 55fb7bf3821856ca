package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.FunctionName;
import junction.catalog.TableName;

/**
 * A reachable source: the database's catalog, its consistent tracked tables, its customization as
 * stored, the naming that follows from it and the server's settings, and its tracked functions.
 */
public record SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization,
                             Naming naming, Map<FunctionName, TrackedFunction> functions) {
    public SourceSnapshot {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /** A source without tracked functions. */
    public SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization,
                          Naming naming) {
        this(name, catalog, tables, customization, naming, Map.of());
    }

    /** A source named with the server's default settings (hasura-default), without tracked functions. */
    public SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization) {
        this(name, catalog, tables, customization, Naming.Defaults.HASURA.of(customization));
    }

    public Optional<TrackedTable> table(TableName tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    public Optional<TrackedFunction> function(FunctionName functionName) {
        return Optional.ofNullable(functions.get(functionName));
    }
}
