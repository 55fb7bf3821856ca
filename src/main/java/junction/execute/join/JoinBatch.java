package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct argument sets of one {@link JoinField} over all rows it appears in, and which rows
 * wait for which set. Rows whose join values include a null wait for nothing: they get null.
 */
final class JoinBatch {
    final JoinField field;
    final int ordinal;
    private final Map<List<JsonNode>, Integer> distinct = new LinkedHashMap<>();
    private final List<ObjectNode> rows = new ArrayList<>();
    private final List<Integer> rowSet = new ArrayList<>();
    private final List<ResponsePath> paths = new ArrayList<>();

    JoinBatch(JoinField field, int ordinal) {
        this.field = field;
        this.ordinal = ordinal;
    }

    void add(ObjectNode row, ResponsePath path) {
        paths.add(path.key(field.responseKey()));
        List<JsonNode> values = new ArrayList<>(field.joinKeys().size());
        for (String key : field.joinKeys()) {
            JsonNode value = row.get(key);
            if (value == null || value.isNull()) {
                rows.add(row);
                rowSet.add(-1);
                return;
            }
            values.add(value);
        }
        int set = distinct.computeIfAbsent(values, v -> distinct.size());
        rows.add(row);
        rowSet.add(set);
    }

    /** The distinct argument sets, in first-seen order: values in {@code lhs_fields} order. */
    List<List<JsonNode>> argumentSets() {
        return List.copyOf(distinct.keySet());
    }

    int rowCount() {
        return rows.size();
    }

    ObjectNode row(int i) {
        return rows.get(i);
    }

    /** The argument set index row {@code i} waits for, or -1 (a null join value: no call). */
    int setOf(int i) {
        return rowSet.get(i);
    }

    /** Where row {@code i}'s relationship field sits in the response. */
    ResponsePath path(int i) {
        return paths.get(i);
    }

    String alias(int set) {
        return "r" + ordinal + "_" + set;
    }
}
