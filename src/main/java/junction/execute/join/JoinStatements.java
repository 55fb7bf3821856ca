package junction.execute.join;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import junction.plan.join.AnswerJoin;

/**
 * Runs the ONE statement of a relationship from remote types to a table, for the current request
 * (its session and variables bound by the caller): the rows for each key, in key order, as the
 * database's JSON array ({@code keys.get(i)}: the values of the i-th key column, one per key).
 */
@FunctionalInterface
public interface JoinStatements {
    byte[] rows(AnswerJoin.ToSource target, List<ArrayNode> keys, com.fasterxml.jackson.databind.JsonNode variables);
}
