package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.catalog.TableName;

/** A reachable source: the database's catalog and its consistent tracked tables. */
public record SourceSnapshot(String name, Catalog catalog, Map<TableName, TrackedTable> tables, JsonNode customization) {
    public SourceSnapshot {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public Optional<TrackedTable> table(TableName tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }
}
