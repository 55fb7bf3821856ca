package junction.plan.ir;

import java.util.List;
import java.util.Optional;
import junction.catalog.FunctionName;

/**
 * A call of a computed field's function on the current row: its arguments in order — the row, the
 * session, values the query gives. An argument after one left to its default is passed by name.
 * {@code shownWhere}: for an inherited role, the rows its value is shown on (null elsewhere).
 */
public record ComputedCall(FunctionName function, List<Argument> arguments, Optional<BoolExp> shownWhere) {
    public ComputedCall {
        arguments = List.copyOf(arguments);
    }

    /** A call whose value every row shows. */
    public ComputedCall(FunctionName function, List<Argument> arguments) {
        this(function, arguments, Optional.empty());
    }

    /** One argument of the call; {@code name} set when it must be passed by name. */
    public sealed interface Argument {
        Optional<String> name();
    }

    /** The row the field is computed for. */
    public record Row(Optional<String> name) implements Argument {
    }

    /** The session as JSON ({@code session_argument}); {@code type} json or jsonb. */
    public record Session(Optional<String> name, String type) implements Argument {
    }

    /** A value the query gives in {@code args}, of the argument's Postgres type. */
    public record Given(Optional<String> name, Value value, String type) implements Argument {
    }
}
