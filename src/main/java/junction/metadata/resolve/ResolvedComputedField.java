package junction.metadata.resolve;

import java.util.List;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.Function;
import junction.catalog.FunctionArgument;
import junction.catalog.TableName;
import junction.metadata.model.ComputedField;

/**
 * A computed field whose function fits: the function as the catalog has it, the positions (among
 * its input arguments) of the row and of the session argument, and what it returns — rows of a
 * tracked table ({@code returnTable}) or a scalar.
 *
 * @param tableArgument   index of the row among {@link Function#inputArguments()}
 * @param sessionArgument index of the session argument among them, or -1
 */
public record ResolvedComputedField(ComputedField field, Function function, int tableArgument, int sessionArgument,
                                    Optional<TableName> returnTable) {

    public String name() {
        return field.name();
    }

    /** Whether it returns a scalar (else rows of {@link #returnTable}). */
    public boolean scalar() {
        return returnTable.isEmpty();
    }

    /** The arguments a client gives in {@code args}: the input arguments but the row and the session. */
    public List<FunctionArgument> arguments() {
        List<FunctionArgument> inputs = function.inputArguments();
        List<FunctionArgument> out = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (i != tableArgument && i != sessionArgument) {
                out.add(inputs.get(i));
            }
        }
        return out;
    }

    /** The GraphQL name of an argument of {@link #arguments()}: its SQL name, or {@code arg_<n>} for an unnamed one. */
    public static String argumentName(FunctionArgument argument, int index) {
        return argument.name().isEmpty() ? "arg_" + (index + 1) : argument.name();
    }

    /** An argument as a column-like value, for its GraphQL type. */
    public static Column argumentColumn(FunctionArgument argument, int index) {
        return new Column(argumentName(argument, index), 0, argument.type(), argument.category(), !argument.hasDefault(),
                argument.hasDefault(), false, null, List.of());
    }

    /** The name of the {@code args} input type: {@code <function>_args}, through the source's naming ({@code FnArgs} in graphql-default). */
    public String argumentsTypeName(Naming naming) {
        return naming.sourceType(function.name().graphqlBase() + "_args");
    }

    /**
     * The scalar it returns as a column-like value (its type and category), for the GraphQL type,
     * comparisons and remote join templates.
     */
    public Column returnColumn() {
        return new Column(name(), 0, function.returnType(), function.returnCategory(), true, false, true,
                description(), List.of());
    }

    /** Whether it can be compared and ordered on, and feed a remote join: a scalar without arguments of its own. */
    public boolean plain() {
        return scalar() && arguments().isEmpty();
    }

    /** The field's description: its comment, the function's, or Hasura's generated one. */
    public String description() {
        if (field.comment() != null) {
            return field.comment();
        }
        if (function.comment() != null && !function.comment().isEmpty()) {
            return function.comment();
        }
        return "A computed field, executes function \"" + function.name() + "\"";
    }
}
