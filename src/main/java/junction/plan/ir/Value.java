package junction.plan.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A value in a plan, remembering where it comes from, so that one plan serves every request that
 * sends the same query text: a literal of the query, a GraphQL variable (read at execution), or a
 * list of such values that travels as one array parameter.
 */
public sealed interface Value {

    record Literal(JsonNode value) implements Value {
    }

    record Variable(String name) implements Value {
    }

    record ListOf(List<Value> items) implements Value {
        public ListOf {
            items = List.copyOf(items);
        }
    }
}
