package junction.execute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.plan.ir.Plan;
import junction.plan.ir.RootNode;
import junction.plan.join.AnswerJoins;

/** The relationships of remote types selected under a plan's remote root fields, as one tree over {@code data}. */
final class RemoteRootAnswers {
    private RemoteRootAnswers() {
    }

    static AnswerJoins of(Plan plan) {
        Map<String, AnswerJoins> children = new LinkedHashMap<>();
        for (RootNode root : plan.roots()) {
            if (root instanceof RootNode.Remote remote && !remote.answers().isEmpty()) {
                children.putAll(remote.answers().children());
            }
        }
        return children.isEmpty() ? AnswerJoins.EMPTY : new AnswerJoins(List.of(), Set.of(), children);
    }
}
