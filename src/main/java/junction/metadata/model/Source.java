package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import junction.catalog.FunctionName;
import junction.catalog.TableName;

/** A database source: its connection configuration (kept as written), customization, tables and tracked functions. */
public record Source(String name, String kind, JsonNode configuration, JsonNode customization,
                     List<TableEntry> tables, List<FunctionEntry> functions) {
    public Source {
        tables = List.copyOf(tables);
        functions = List.copyOf(functions);
    }

    public Optional<TableEntry> table(TableName tableName) {
        return tables.stream().filter(t -> t.table().equals(tableName)).findFirst();
    }

    public Optional<FunctionEntry> function(FunctionName functionName) {
        return functions.stream().filter(f -> f.function().equals(functionName)).findFirst();
    }

    public Source withFunctions(List<FunctionEntry> newFunctions) {
        return new Source(name, kind, configuration, customization, tables, newFunctions);
    }

    /** Replaces the named function entry by {@code change(entry)}. */
    public Source updateFunction(FunctionName functionName, UnaryOperator<FunctionEntry> change) {
        return withFunctions(functions.stream().map(f -> f.function().equals(functionName) ? change.apply(f) : f).toList());
    }

    public Source withTables(List<TableEntry> newTables) {
        return new Source(name, kind, configuration, customization, newTables, functions);
    }

    public Source withConfiguration(JsonNode newConfiguration, JsonNode newCustomization) {
        return new Source(name, kind, newConfiguration, newCustomization, tables, functions);
    }

    /** Replaces the named table entry by {@code change(entry)}; the entry must exist. */
    public Source updateTable(TableName tableName, UnaryOperator<TableEntry> change) {
        List<TableEntry> out = new ArrayList<>(tables.size());
        for (TableEntry t : tables) {
            out.add(t.table().equals(tableName) ? change.apply(t) : t);
        }
        return withTables(out);
    }
}
