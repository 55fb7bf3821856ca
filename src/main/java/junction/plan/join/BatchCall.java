package junction.plan.join;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.SelectionSet;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * How a relationship with {@code batch} is sent: ONE call of the list field for all its distinct
 * join values, {@code users(ids: [1, 2, …]) { … }}, in the remote's own names.
 *
 * @param field     the list field of the query root
 * @param argument  its list argument, which gets the items
 * @param item      one item: a template whose placeholders the join values fill
 * @param key       the result field matched with the join value (selected as {@link #KEY_ALIAS}), or null:
 *                  matched by position
 * @param arguments the client's other arguments of the relationship field
 * @param selection what is selected under the list field: the client's selection, the key, and
 *                  wrapped in {@code ... on Type} when the list field returns an abstract type
 */
public record BatchCall(String field, String argument, Value<?> item, String key, List<Argument> arguments,
                        SelectionSet selection) {
    /** The alias under which the key is selected (and removed from the answer). */
    public static final String KEY_ALIAS = "_junction_key";

    public BatchCall {
        arguments = List.copyOf(arguments);
    }

    /** The call for the distinct argument sets {@code sets} (each in {@code lhs_fields} order). */
    public Field call(String alias, List<List<JsonNode>> sets) {
        List<Value> items = new ArrayList<>(sets.size());
        for (List<JsonNode> set : sets) {
            items.add(GraphqlValues.fill(item, set));
        }
        return call(alias, ArrayValue.newArrayValue().values(items).build());
    }

    /** The call with the item template in the list (for explain: {@code users(ids: [$user_id])}). */
    public Field template() {
        return call(null, ArrayValue.newArrayValue().value(item).build());
    }

    private Field call(String alias, ArrayValue items) {
        List<Argument> all = new ArrayList<>(arguments.size() + 1);
        all.add(new Argument(argument, items));
        all.addAll(arguments);
        return Field.newField(field).alias(alias).arguments(all).selectionSet(selection).build();
    }
}
