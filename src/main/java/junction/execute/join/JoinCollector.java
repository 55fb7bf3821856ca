package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the database JSON once, along the join tree only, and gathers for every join field the rows
 * it appears in with their de-duplicated argument sets.
 */
final class JoinCollector {
    private final Map<JoinField, JoinBatch> batches = new IdentityHashMap<>();
    private final List<JoinBatch> ordered = new ArrayList<>();

    List<JoinBatch> collect(JsonNode data, JoinTree tree) {
        visit(data, tree, ResponsePath.ROOT);
        return ordered;
    }

    private void visit(JsonNode node, JoinTree tree, ResponsePath path) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), tree, path.index(i));
            }
            return;
        }
        if (!(node instanceof ObjectNode row)) {
            return;
        }
        for (JoinField field : tree.joins()) {
            batches.computeIfAbsent(field, f -> {
                JoinBatch batch = new JoinBatch(f, ordered.size());
                ordered.add(batch);
                return batch;
            }).add(row, path);
        }
        tree.children().forEach((key, child) -> visit(row.get(key), child, path.key(key)));
    }
}
