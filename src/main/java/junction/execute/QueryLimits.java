package junction.execute;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Refuses operations nested deeper than {@code maxDepth} or selecting more than {@code maxFields}
 * fields (fragments counted where they are spread), before any recursive validation or planning.
 * Every selection set inside another counts one level: a field's, an inline fragment's, and a
 * spread fragment's — so a chain of fragments spreading each other meets the depth limit like a
 * chain of fields. The walk keeps its own stack (no recursion), skips a spread that would cycle
 * (graphql-java's validation names the cycle), and its work is bounded: fragments spread many
 * times over may select few fields, so the fragments it meets (spreads and inline fragments, each
 * time it meets them) are bounded too, by {@code maxFields × maxDepth}.
 */
public record QueryLimits(int maxDepth, int maxFields) {
    public static final QueryLimits DEFAULT = new QueryLimits(50, 1000);

    /** A selection set still to walk, its depth, and the fragments spread on the way to it. */
    private record Pending(SelectionSet set, int depth, Spread spreading) {
    }

    /** The fragments spread on the way to a selection set, innermost first (at most {@code maxDepth} long). */
    private record Spread(String name, Spread outer) {
        static boolean contains(Spread spread, String name) {
            for (Spread s = spread; s != null; s = s.outer) {
                if (s.name.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    void check(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        Deque<Pending> pending = new ArrayDeque<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            pending.push(new Pending(operation.getSelectionSet(), 1, null));
        }
        Set<String> reached = new HashSet<>();
        Budget budget = new Budget();
        walk(pending, fragments, reached, budget);
        // fragments no operation spreads are an error later, but graphql-java's validation walks them
        // (recursively) first: they meet the same limits, as if spread at the top
        for (FragmentDefinition fragment : fragments.values()) {
            if (!reached.contains(fragment.getName())) {
                pending.push(new Pending(fragment.getSelectionSet(), 1, new Spread(fragment.getName(), null)));
                walk(pending, fragments, reached, budget);
            }
        }
    }

    /** What one document's walks have met so far. */
    private static final class Budget {
        int fields;
        long fragmentUses;
    }

    private void walk(Deque<Pending> pending, Map<String, FragmentDefinition> fragments, Set<String> reached,
                      Budget budget) {
        long maxFragmentUses = (long) maxFields * maxDepth;
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            if (next.set() == null) {
                continue;
            }
            if (next.depth() > maxDepth) {
                throw ApiException.of(Code.VALIDATION_FAILED, "the query is nested deeper than the limit of " + maxDepth
                        + " levels");
            }
            for (Selection<?> selection : next.set().getSelections()) {
                if (!(selection instanceof Field) && ++budget.fragmentUses > maxFragmentUses) {
                    throw ApiException.of(Code.VALIDATION_FAILED, "the query uses fragments more than the limit of "
                            + maxFragmentUses + " times");
                }
                switch (selection) {
                    case Field field -> {
                        if (++budget.fields > maxFields) {
                            throw ApiException.of(Code.VALIDATION_FAILED, "the query selects more than the limit of "
                                    + maxFields + " fields");
                        }
                        pending.push(new Pending(field.getSelectionSet(), next.depth() + 1, next.spreading()));
                    }
                    case InlineFragment inline ->
                            pending.push(new Pending(inline.getSelectionSet(), next.depth() + 1, next.spreading()));
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment != null && !Spread.contains(next.spreading(), spread.getName())) {
                            reached.add(spread.getName());
                            pending.push(new Pending(fragment.getSelectionSet(), next.depth() + 1,
                                    new Spread(spread.getName(), next.spreading())));
                        }
                    }
                    default -> { }
                }
            }
        }
    }
}
