package junction.plan.join;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where relationships of remote schemas' types sit in a remote's answer: the joins of the objects at
 * this level, the hidden keys the query added there (removed once read), the levels below by
 * response key (lists are walked through), and the client's response keys at this level in selection
 * order (the joined values are put in their place). Built by the planner; empty when none is selected.
 */
public record AnswerJoins(List<AnswerJoin> joins, Set<String> hiddenKeys, Map<String, AnswerJoins> children,
                          List<String> keyOrder) {
    public static final AnswerJoins EMPTY = new AnswerJoins(List.of(), Set.of(), Map.of(), List.of());

    public AnswerJoins {
        joins = List.copyOf(joins);
        hiddenKeys = Set.copyOf(hiddenKeys);
        children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        keyOrder = List.copyOf(keyOrder);
    }

    /** A level that only leads to others. */
    public AnswerJoins(List<AnswerJoin> joins, Set<String> hiddenKeys, Map<String, AnswerJoins> children) {
        this(joins, hiddenKeys, children, List.of());
    }

    public boolean isEmpty() {
        return joins.isEmpty() && children.values().stream().allMatch(AnswerJoins::isEmpty);
    }
}
