package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.join.BatchCall;
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
    private JsonNode[] matched;
    private int[] answerSets;
    private boolean[] customized;
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
            JsonNode value = value(set, data);
            if (field.shape().hasTypenames() && !field.names().isIdentity()) {
                TYPENAMES.customizeTypenames(value, field.shape(), field.names());
            }
            slices[set] = buffer.write(value);
        }
        return slices[set];
    }

    /** The relationship's value for argument set {@code set}, with {@code __typename} values customized (once per set). */
    JsonNode customizedValue(int set, JsonNode data) {
        if (customized == null) {
            customized = new boolean[distinct.size()];
        }
        JsonNode value = value(set, data);
        if (!customized[set] && field.shape().hasTypenames() && !field.names().isIdentity()) {
            TYPENAMES.customizeTypenames(value, field.shape(), field.names());
        }
        customized[set] = true;
        return value;
    }

    /** The alias of set {@code set}'s field in the query: one per set, or one for all with {@code batch}. */
    String alias(int set) {
        return batched() ? "r" + ordinal : "r" + ordinal + "_" + set;
    }

    boolean batched() {
        return field.batch() != null;
    }

    /** The relationship's value for argument set {@code set} in the remote's answer (null when missing). */
    JsonNode value(int set, JsonNode data) {
        if (!batched()) {
            return JoinQuery.extract(data, this, set);
        }
        JsonNode value = matched == null ? null : matched[set];
        return value == null ? Json.NODES.nullNode() : value;
    }

    /**
     * With {@code batch}: matches the list the remote answered to the argument sets — by the key field
     * (the first result with a set's key; results without a key or with an unknown one are dropped), or
     * by position (then a list of another length than asked is an error, returned).
     */
    ApiException match(JsonNode data) {
        JsonNode answer = data == null ? null : data.get(alias(0));
        int sets = distinct.size();
        matched = new JsonNode[sets];
        answerSets = new int[answer == null || !answer.isArray() ? 0 : answer.size()];
        if (answer == null || answer.isNull()) {
            return null;
        }
        String key = field.batch().key();
        if (!answer.isArray() || (key == null && answer.size() != sets)) {
            return ApiException.of(Code.REMOTE_SCHEMA_ERROR, "the remote's \"" + field.batch().field() + "\" answered "
                    + (answer.isArray() ? answer.size() + " items" : "no list") + " for " + sets + " items asked (batch matches by position)");
        }
        if (key == null) {
            for (int i = 0; i < sets; i++) {
                matched[i] = answer.get(i);
                answerSets[i] = i;
            }
            return null;
        }
        Map<String, Integer> byKey = new HashMap<>(sets * 2);
        int i = 0;
        for (List<JsonNode> set : distinct.keySet()) {
            byKey.put(keyText(set.getFirst()), i++);
        }
        for (int at = 0; at < answer.size(); at++) {
            JsonNode item = answer.get(at);
            answerSets[at] = -1;
            if (!(item instanceof ObjectNode object)) {
                continue;
            }
            JsonNode found = object.remove(BatchCall.KEY_ALIAS);
            Integer set = found == null || found.isNull() ? null : byKey.get(keyText(found));
            if (set != null && matched[set] == null) {
                matched[set] = object;
                answerSets[at] = set;
            }
        }
        return null;
    }

    /** The argument set the remote's list item {@code index} answers, or -1 (with {@code batch}). */
    int setOfAnswer(int index) {
        return answerSets == null || index < 0 || index >= answerSets.length ? -1 : answerSets[index];
    }

    private static String keyText(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
