package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The right-hand side of a permission comparison, or the value of a column preset ({@code set}). */
public sealed interface Operand {

    /** A value written in the permission. */
    record Literal(JsonNode value) implements Operand {
    }

    /**
     * A session variable ({@code "X-Hasura-User-Id"} in the permission), read from the request's
     * session; {@code name} is lower case ({@code x-hasura-user-id}).
     */
    record Session(String name) implements Operand {
    }

    /**
     * Another column ({@code _ceq}, {@code _cgt}, …): of the row being compared, or, when
     * {@code root} ({@code ["$", "col"]}), of the row of the table the permission is defined on.
     */
    record Column(String column, String columnType, boolean root) implements Operand {
    }

    /** A list ({@code _in}, {@code _nin}, …) whose items may mix literals and session variables. */
    record ListOf(List<Operand> items) implements Operand {
        public ListOf {
            items = List.copyOf(items);
        }
    }
}
