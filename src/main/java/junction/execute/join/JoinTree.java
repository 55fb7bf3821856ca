package junction.execute.join;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where remote joins sit in the database part of a response: the joins of the rows at this level,
 * and the child levels by response key (a key whose value is an object or a list of objects).
 * Built by the planner; empty when a query has no remote relationship.
 */
public record JoinTree(List<JoinField> joins, Map<String, JoinTree> children) {
    public static final JoinTree EMPTY = new JoinTree(List.of(), Map.of());

    public JoinTree {
        joins = List.copyOf(joins);
        children = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    public boolean isEmpty() {
        return joins.isEmpty() && children.values().stream().allMatch(JoinTree::isEmpty);
    }
}
