package junction.plan.join;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where remote joins sit in the database part of a response: the joins of the rows at this level,
 * and the child levels by response key (a key whose value is an object or a list of objects).
 * Built by the planner; empty when a query has no remote relationship. Children without joins
 * under them are left out when the tree is built, so {@link #isEmpty} costs nothing per request.
 */
public record JoinTree(List<JoinField> joins, Map<String, JoinTree> children) {
    public static final JoinTree EMPTY = new JoinTree(List.of(), Map.of());

    public JoinTree {
        joins = List.copyOf(joins);
        Map<String, JoinTree> kept = new LinkedHashMap<>();
        children.forEach((key, child) -> {
            if (!child.isEmpty()) {
                kept.put(key, child);
            }
        });
        children = java.util.Collections.unmodifiableMap(kept);
    }

    public boolean isEmpty() {
        return joins.isEmpty() && children.isEmpty();
    }
}
