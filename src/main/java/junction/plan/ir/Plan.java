package junction.plan.ir;

import java.util.List;
import java.util.Set;

/**
 * A planned operation: its root fields in response order. {@code structuralVariables} are the
 * variables whose values shaped the plan (a whole {@code where} passed as a variable, an
 * {@code @include(if: $x)}); a cached plan is reused only for the same values of those.
 * {@code nodeIdVariables} are Relay global ids ({@code node(id: $id)}): the plan depends only on the
 * table each names ({@code junction.plan.NodeIds}).
 */
public record Plan(Operation operation, List<RootNode> roots, Set<String> structuralVariables, Set<String> nodeIdVariables) {
    public enum Operation { QUERY, MUTATION }

    /**
     * Joins a source's root field namespace key and a field's key into a root node's key
     * ({@code db.orders}); the response nests such keys ({@code {"db": {"orders": …}}}).
     */
    public static final String NESTING = ".";

    public Plan {
        roots = List.copyOf(roots);
        structuralVariables = Set.copyOf(structuralVariables);
        nodeIdVariables = Set.copyOf(nodeIdVariables);
    }

    public Plan(Operation operation, List<RootNode> roots, Set<String> structuralVariables) {
        this(operation, roots, structuralVariables, Set.of());
    }

    /** Whether some root node answers a field of a root field namespace (its key has {@link #NESTING}). */
    public boolean nested() {
        return roots.stream().anyMatch(r -> r.key().contains(NESTING));
    }
}
