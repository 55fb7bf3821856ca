package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Argument;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a remote relationship's path as it is sent, in the remote's own names: its arguments
 * as graphql-java values, where the join template's {@code $column}s are placeholders
 * ({@link GraphqlValues#template}) that each row's values fill.
 */
public record JoinStep(String field, List<Argument> arguments) {
    public JoinStep {
        arguments = List.copyOf(arguments);
    }

    /** The arguments with the placeholders filled by {@code values} (lhs order); as they are when null. */
    public List<Argument> arguments(List<JsonNode> values) {
        if (values == null || arguments.isEmpty()) {
            return arguments;
        }
        List<Argument> out = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            var filled = GraphqlValues.fill(argument.getValue(), values);
            out.add(filled == argument.getValue() ? argument : new Argument(argument.getName(), filled));
        }
        return out;
    }
}
