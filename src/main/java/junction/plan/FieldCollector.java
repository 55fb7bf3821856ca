package junction.plan;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens selection sets as GraphQL's CollectFields does: fragments and inline fragments whose
 * type condition matches are inlined, {@code @skip}/{@code @include} are applied, and fields with
 * the same response key are merged (their sub-selections are kept together, in order).
 */
final class FieldCollector {
    private final Map<String, FragmentDefinition> fragments;
    private final Args args;
    /** The schema, for the interfaces an object type implements (a fragment on {@code Node} applies to its tables). */
    private final graphql.schema.GraphQLSchema schema;

    FieldCollector(Map<String, FragmentDefinition> fragments, Args args) {
        this(fragments, args, null);
    }

    FieldCollector(Map<String, FragmentDefinition> fragments, Args args, graphql.schema.GraphQLSchema schema) {
        this.fragments = fragments;
        this.args = args;
        this.schema = schema;
    }

    /** Response key → the fields under it, for selection sets on the object type {@code typeName}. */
    Map<String, List<Field>> collect(List<SelectionSet> sets, String typeName) {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (SelectionSet set : sets) {
            collect(set, typeName, out);
        }
        return out;
    }

    /** The sub-selection sets of merged fields. */
    static List<SelectionSet> subSelections(List<Field> fields) {
        List<SelectionSet> sets = new ArrayList<>();
        for (Field f : fields) {
            if (f.getSelectionSet() != null) {
                sets.add(f.getSelectionSet());
            }
        }
        return sets;
    }

    /**
     * The fields without their {@code @skip}/{@code @include} directives, which collecting them has
     * applied already (other directives stay).
     */
    static List<Field> withoutConditions(List<Field> fields) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field field : fields) {
            if (field.getDirectives().stream().noneMatch(FieldCollector::isCondition)) {
                out.add(field);
            } else {
                out.add(field.transform(b -> b.directives(
                        field.getDirectives().stream().filter(d -> !isCondition(d)).toList())));
            }
        }
        return out;
    }

    private static boolean isCondition(Directive directive) {
        return directive.getName().equals("skip") || directive.getName().equals("include");
    }

    private void collect(SelectionSet set, String typeName, Map<String, List<Field>> out) {
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> {
                    if (included(field.getDirectives())) {
                        String key = field.getAlias() != null ? field.getAlias() : field.getName();
                        out.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
                    }
                }
                case InlineFragment inline -> {
                    if (included(inline.getDirectives()) && applies(inline.getTypeCondition(), typeName)) {
                        collect(inline.getSelectionSet(), typeName, out);
                    }
                }
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && included(spread.getDirectives())
                            && applies(fragment.getTypeCondition(), typeName)) {
                        collect(fragment.getSelectionSet(), typeName, out);
                    }
                }
                default -> throw new IllegalStateException("unexpected selection " + selection);
            }
        }
    }

    /** Whether {@code @skip}/{@code @include} on the field let it through. */
    boolean includes(Field field) {
        return included(field.getDirectives());
    }

    private boolean applies(TypeName condition, String typeName) {
        if (condition == null || condition.getName().equals(typeName)) {
            return true;
        }
        return schema != null && schema.getType(typeName) instanceof graphql.schema.GraphQLObjectType object
                && object.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition.getName()));
    }

    private boolean included(List<Directive> directives) {
        for (Directive d : directives) {
            Argument condition = d.getArgument("if");
            if (condition == null) {
                continue;
            }
            boolean value = args.bool(In.of(condition.getValue()), "$");
            if (d.getName().equals("skip") && value || d.getName().equals("include") && !value) {
                return false;
            }
        }
        return true;
    }
}
