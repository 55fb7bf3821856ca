package junction.metadata.resolve;

import java.util.List;
import java.util.Optional;
import junction.catalog.Function;
import junction.catalog.FunctionArgument;
import junction.catalog.FunctionName;
import junction.catalog.TableName;
import junction.metadata.model.FunctionEntry;

/**
 * A tracked SQL function that fits the database: it returns rows of the tracked table
 * {@code returnTable} ({@code SETOF} or one row), and is a query or mutation root field.
 *
 * @param arguments the arguments a caller gives in {@code args}, by their GraphQL names (not the session argument)
 */
public record TrackedFunction(FunctionName name, Function function, FunctionEntry entry, TableName returnTable,
                              boolean mutation, List<Argument> arguments) {
    public TrackedFunction {
        arguments = List.copyOf(arguments);
    }

    /**
     * One input argument of the call, in order: its GraphQL name ({@code arg_1}, … for unnamed ones),
     * the catalog argument, and whether it receives the session variables instead of a caller's value.
     */
    public record Argument(String graphqlName, FunctionArgument argument, boolean session) {
    }

    /** The arguments the caller gives (all but the session argument). */
    public List<Argument> userArguments() {
        return arguments.stream().filter(a -> !a.session()).toList();
    }

    /** Whether the function returns a set of rows ({@code [T!]!}) rather than one row ({@code T}). */
    public boolean returnsSet() {
        return function.returnsSet();
    }

    /**
     * {@code custom_root_fields.function}, else {@code custom_name}, both kept as given, else the
     * function's base name in the source's convention; the source's root field prefix and suffix applied.
     */
    public String rootFieldName(Naming naming) {
        String given = Optional.ofNullable(entry.configuration().functionRootField())
                .orElse(entry.configuration().customName());
        return given != null ? naming.givenRootField(given) : naming.generatedRootField(name.graphqlBase());
    }

    /** {@code custom_root_fields.function_aggregate} as given, else the custom or base name with {@code _aggregate}. */
    public String aggregateFieldName(Naming naming) {
        String given = entry.configuration().aggregateRootField();
        return given != null ? naming.givenRootField(given) : naming.generatedRootField(baseName() + "_aggregate");
    }

    /** The {@code args} input type: {@code <custom or base name>_args} ({@code SearchArticlesArgs} in graphql-default). */
    public String argsTypeName(Naming naming) {
        return naming.sourceType(baseName() + "_args");
    }

    private String baseName() {
        return Optional.ofNullable(entry.configuration().customName()).orElse(name.graphqlBase());
    }

    /** Whether a role has a function permission ({@code pg_create_function_permission}). */
    public boolean permits(String role) {
        return entry.permissions().contains(role);
    }

    /** The description Hasura gives the root field: the metadata comment, else the database's, else none. */
    public String description() {
        if (entry.comment() != null) {
            return entry.comment();
        }
        return function.comment() == null || function.comment().isEmpty() ? null : function.comment();
    }
}
