package junction.plan.ir;

import java.util.List;
import junction.catalog.FunctionName;

/**
 * A call of a tracked SQL function whose rows a root field reads: its arguments in order, each a
 * bind parameter cast to the argument's type, passed by position or (after an argument left to its
 * default) by name.
 */
public record FunctionCall(FunctionName function, List<Argument> arguments) {
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    /** {@code name} is null for an argument passed by position. */
    public record Argument(String name, Value value, String type) {
    }
}
