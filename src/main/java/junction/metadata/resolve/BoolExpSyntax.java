package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Hasura's boolean expression syntax as JSON, where permissions and the JSON DML queries of
 * {@code /v1/query} write it: a column's value is either an object of comparison operators
 * ({@code {"_gt": 1, "$lt": 5}}) or a bare value that means {@code _eq}.
 */
public final class BoolExpSyntax {
    private BoolExpSyntax() {
    }

    /** Whether a column's value is an object of operators (every key {@code _op} or {@code $op}), not a bare value. */
    public static boolean isComparisons(JsonNode value) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("$") && !key.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    /** An operator key as its {@code _} name: {@code $eq} → {@code _eq}, {@code $ne} / {@code _ne} → {@code _neq}. */
    public static String operator(String key) {
        String op = "_" + key.substring(1);
        return op.equals("_ne") ? "_neq" : op;
    }
}
