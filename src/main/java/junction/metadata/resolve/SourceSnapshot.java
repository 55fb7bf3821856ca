package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.TableName;

/**
 * A reachable source: the database's catalog, its consistent tracked tables, its customization as
 * stored and the naming that follows from it and the server's settings.
 */
public record SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization,
                             Naming naming) {
    public SourceSnapshot {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A source named with the server's default settings (hasura-default). */
    public SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization) {
        this(name, catalog, tables, customization, Naming.Defaults.HASURA.of(customization));
    }

    public Optional<TrackedTable> table(TableName tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }
}
