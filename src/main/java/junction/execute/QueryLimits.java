package junction.execute;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;

/**
 * Refuses operations nested deeper than {@code maxDepth} or selecting more than {@code maxFields}
 * fields (fragments counted where they are spread), before any recursive validation or planning.
 * The walk itself never goes deeper than the limit.
 */
public record QueryLimits(int maxDepth, int maxFields) {
    public static final QueryLimits DEFAULT = new QueryLimits(50, 1000);

    void check(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        int[] fields = {0};
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walk(operation.getSelectionSet(), 1, fragments, fields, new HashSet<>());
        }
    }

    private void walk(SelectionSet set, int depth, Map<String, FragmentDefinition> fragments, int[] fields,
                      Set<String> spreading) {
        if (set == null) {
            return;
        }
        if (depth > maxDepth) {
            throw ApiException.of(Code.VALIDATION_FAILED, "the query is nested deeper than the limit of " + maxDepth
                    + " levels");
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> {
                    if (++fields[0] > maxFields) {
                        throw ApiException.of(Code.VALIDATION_FAILED, "the query selects more than the limit of "
                                + maxFields + " fields");
                    }
                    walk(field.getSelectionSet(), depth + 1, fragments, fields, spreading);
                }
                case InlineFragment inline -> walk(inline.getSelectionSet(), depth, fragments, fields, spreading);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && spreading.add(spread.getName())) {
                        walk(fragment.getSelectionSet(), depth, fragments, fields, spreading);
                        spreading.remove(spread.getName());
                    }
                }
                default -> { }
            }
        }
    }
}
