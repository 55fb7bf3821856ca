package junction.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A SQL function as Postgres has it. {@code returnType} is the return type's name and
 * {@code returnKind} its typtype letter ({@code b} base, {@code c} composite, {@code d} domain,
 * {@code e} enum, {@code p} pseudo); {@code returnTable} the relation a composite return type is
 * the row type of; {@code volatility} provolatile ({@code i} immutable, {@code s} stable,
 * {@code v} volatile); {@code oid} lets a rename be told from a drop.
 */
public record Function(FunctionName name, long oid, List<FunctionArgument> arguments, String returnType,
                       String returnCategory, char returnKind, Optional<TableName> returnTable, boolean returnsSet,
                       char volatility, String comment) {
    public Function {
        arguments = List.copyOf(arguments);
    }

    /** The arguments a call passes: in, inout and variadic ones, in order. */
    public List<FunctionArgument> inputArguments() {
        return arguments.stream().filter(FunctionArgument::isInput).toList();
    }

    public boolean isVolatile() {
        return volatility == 'v';
    }

    /** Whether the function returns rows of a table or view ({@code SETOF t} or {@code t}). */
    public boolean returnsRows() {
        return returnTable.isPresent();
    }
}
