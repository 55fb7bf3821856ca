package junction.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a source's database has that metadata can refer to: tables and views, SQL functions
 * (all overloads of a name under that name), and the rows of the tables metadata marks as enum
 * tables (only those that were asked for). Immutable.
 */
public record Catalog(Map<TableName, Table> tables, Map<FunctionName, List<Function>> functions,
                      Map<TableName, EnumRows> enumRows) {
    public static final Catalog EMPTY = new Catalog(Map.of(), Map.of());

    public Catalog {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        TreeMap<FunctionName, List<Function>> copy = new TreeMap<>();
        functions.forEach((name, overloads) -> copy.put(name, List.copyOf(overloads)));
        functions = Collections.unmodifiableMap(copy);
        enumRows = Collections.unmodifiableMap(new TreeMap<>(enumRows));
    }

    public Catalog(Map<TableName, Table> tables, Map<FunctionName, List<Function>> functions) {
        this(tables, functions, Map.of());
    }

    public Catalog(Map<TableName, Table> tables) {
        this(tables, Map.of());
    }

    /** The rows read for an enum table; empty when they were not asked for (or the table does not exist). */
    public Optional<EnumRows> enumRows(TableName name) {
        return Optional.ofNullable(enumRows.get(name));
    }

    /** This catalog with the rows of more enum tables. */
    public Catalog withEnumRows(Map<TableName, EnumRows> more) {
        Map<TableName, EnumRows> all = new TreeMap<>(enumRows);
        all.putAll(more);
        return new Catalog(tables, functions, all);
    }

    public Optional<Table> table(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<Table> tableByOid(long oid) {
        return tables.values().stream().filter(t -> t.oid() == oid).findFirst();
    }

    /** Every overload of the named function; empty when there is none. */
    public List<Function> functions(FunctionName name) {
        return functions.getOrDefault(name, List.of());
    }

    /** The named function when it has exactly one overload (Hasura refuses to track overloaded ones). */
    public Optional<Function> function(FunctionName name) {
        List<Function> overloads = functions(name);
        return overloads.size() == 1 ? Optional.of(overloads.getFirst()) : Optional.empty();
    }

    public Optional<Function> functionByOid(long oid) {
        return functions.values().stream().flatMap(List::stream).filter(f -> f.oid() == oid).findFirst();
    }
}
