package junction.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Everything a source's database has that metadata can refer to. Immutable. */
public record Catalog(Map<TableName, Table> tables) {
    public static final Catalog EMPTY = new Catalog(Map.of());

    public Catalog {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public Optional<Table> table(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<Table> tableByOid(long oid) {
        return tables.values().stream().filter(t -> t.oid() == oid).findFirst();
    }
}
