package junction.plan.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A value in a plan, remembering where it comes from, so that one plan serves every request that
 * sends the same query text: a literal of the query, a GraphQL variable or a session variable (both
 * read at execution), or a list of such values that travels as one array parameter.
 */
public sealed interface Value {

    record Literal(JsonNode value) implements Value {
    }

    record Variable(String name) implements Value {
    }

    /**
     * A session variable ({@code x-hasura-user-id}), read from the request's session at execution:
     * what permission filters and presets refer to, so that one plan serves every user of a role.
     */
    record SessionVariable(String name) implements Value {
    }

    /**
     * The whole session as a JSON object ({@code {"x-hasura-role": …, "x-hasura-user-id": …}}), read at
     * execution: what a computed field's or function's session argument receives.
     */
    record Session() implements Value {
    }

    record ListOf(List<Value> items) implements Value {
        public ListOf {
            items = List.copyOf(items);
        }
    }
}
