package junction.plan.ir;

import java.util.List;
import java.util.Set;

/**
 * A planned operation: its root fields in response order. {@code structuralVariables} are the
 * variables whose values shaped the plan (a whole {@code where} passed as a variable, an
 * {@code @include(if: $x)}); a cached plan is reused only for the same values of those.
 */
public record Plan(Operation operation, List<RootNode> roots, Set<String> structuralVariables) {
    public enum Operation { QUERY, MUTATION }

    public Plan {
        roots = List.copyOf(roots);
        structuralVariables = Set.copyOf(structuralVariables);
    }
}
