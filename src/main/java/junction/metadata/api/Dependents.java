package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.Metadata;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/**
 * The objects a drop would break: those consistent before it and inconsistent after it (a
 * relationship whose target table, column or foreign key went away), plus any the caller found
 * directly. Reported as Hasura's {@code dependency-error}, or removed when the drop cascades.
 */
record Dependents(List<Inconsistency> broken, List<String> others) {
    Dependents {
        broken = List.copyOf(broken);
        others = List.copyOf(others);
    }

    /**
     * The objects consistent in {@code before} and not in {@code after}; not those that now only
     * have a name the schema cannot hold (a column renamed to {@code first-name}): nothing was
     * dropped, and Hasura reports them as new inconsistent metadata.
     */
    static Dependents between(Snapshot before, Snapshot after) {
        return new Dependents(ConsistencyCheck.added(before, after).stream()
                .filter(i -> i.code() != Code.VALIDATION_FAILED && !unsuitableFunction(i)).toList(), List.of());
    }

    /**
     * A computed field whose function is still there but no longer fits (made VOLATILE, say): nothing
     * was dropped, so it is new inconsistent metadata rather than a dependent.
     */
    private static boolean unsuitableFunction(Inconsistency issue) {
        return issue.type().equals("computed_field") && issue.code() == Code.NOT_SUPPORTED;
    }

    Dependents plus(List<String> more) {
        List<String> all = new ArrayList<>(others);
        all.addAll(more);
        return new Dependents(broken, all);
    }

    boolean isEmpty() {
        return broken.isEmpty() && others.isEmpty();
    }

    /**
     * Hasura's message: the dependents, sorted and comma separated. Permissions are named only when
     * they use what is dropped directly (the caller's {@code others}): one broken because a
     * relationship it goes through breaks is that relationship's dependent, not the drop's.
     */
    ApiException error() {
        List<String> names = Stream.concat(broken.stream().filter(i -> !i.isPermission())
                        .map(Inconsistency::dependentName), others.stream())
                .distinct().sorted().toList();
        return ApiException.of(Code.DEPENDENCY_ERROR,
                "cannot drop due to the following dependent objects: " + String.join(", ", names));
    }

    /** The metadata without the broken objects of tables (a cascading drop). */
    Metadata removeFrom(Metadata metadata) {
        Metadata out = metadata;
        for (Inconsistency issue : broken) {
            if (issue.at().object() != null) {
                out = Pruning.without(out, issue.at());
            }
        }
        return out;
    }
}
