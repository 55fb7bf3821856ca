package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.plan.join.JoinField;
import junction.remote.RemoteResultMapper;

/**
 * The distinct argument sets of one {@link JoinField} over all rows it appears in, and which rows
 * wait for which set. Rows whose join values include a null wait for nothing: they get null.
 */
final class JoinBatch {
    final JoinField field;
    final int ordinal;
    private final Map<List<JsonNode>, Integer> distinct = new LinkedHashMap<>();
    private final List<Integer> rowSet = new ArrayList<>();
    private final List<ResponsePath> paths = new ArrayList<>();
    private long[] slices;
    private static final RemoteResultMapper TYPENAMES = new RemoteResultMapper();

    JoinBatch(JoinField field, int ordinal) {
        this.field = field;
        this.ordinal = ordinal;
    }

    /** Adds a row by its hidden join values (keyed as {@link JoinField#joinKeys()}); returns its index. */
    int add(Map<String, JsonNode> joinValues, ResponsePath path) {
        paths.add(path.key(field.responseKey()));
        List<JsonNode> values = new ArrayList<>(field.joinKeys().size());
        for (String key : field.joinKeys()) {
            JsonNode value = joinValues.get(key);
            if (value == null || value.isNull()) {
                rowSet.add(-1);
                return rowSet.size() - 1;
            }
            values.add(value);
        }
        rowSet.add(distinct.computeIfAbsent(values, v -> distinct.size()));
        return rowSet.size() - 1;
    }

    /** The distinct argument sets, in first-seen order: values in {@code lhs_fields} order. */
    List<List<JsonNode>> argumentSets() {
        return List.copyOf(distinct.keySet());
    }

    int rowCount() {
        return rowSet.size();
    }

    /** The argument set index row {@code i} waits for, or -1 (a null join value: no call). */
    int setOf(int i) {
        return rowSet.get(i);
    }

    /** Where row {@code i}'s relationship field sits in the response. */
    ResponsePath path(int i) {
        return paths.get(i);
    }

    /**
     * The relationship's value for argument set {@code set} in the remote's answer, with
     * {@code __typename} values customized, written to {@code buffer} once per set however many
     * rows share it: its slice there.
     */
    long valueSlice(int set, JsonNode data, ValueBuffer buffer) {
        if (slices == null) {
            slices = new long[distinct.size()];
            java.util.Arrays.fill(slices, -1);
        }
        if (slices[set] < 0) {
            JsonNode value = JoinQuery.extract(data, this, set);
            if (field.shape().hasTypenames() && !field.names().isIdentity()) {
                TYPENAMES.customizeTypenames(value, field.shape(), field.names());
            }
            slices[set] = buffer.write(value);
        }
        return slices[set];
    }

    String alias(int set) {
        return "r" + ordinal + "_" + set;
    }
}
