package junction.schema;

import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.ref;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.ResolvedRelationship;

/** The {@code order_by} enum, {@code T_order_by}, and the aggregate orderings of array relationships. */
final class OrderTypes {
    static final String ORDER_BY = "order_by";

    private OrderTypes() {
    }

    /** {@code order_by} ({@code OrderBy} with upper-case values in graphql-default), added on first use; returns its name. */
    static String addOrderByEnum(TypeSet types, Naming naming) {
        String name = naming.sharedType(ORDER_BY);
        if (types.has(name)) {
            return name;
        }
        GraphQLEnumType.Builder order = GraphQLEnumType.newEnum().name(name).description("column ordering options");
        value(order, naming, "asc", "in ascending order, nulls last");
        value(order, naming, "asc_nulls_first", "in ascending order, nulls first");
        value(order, naming, "asc_nulls_last", "in ascending order, nulls last");
        value(order, naming, "desc", "in descending order, nulls first");
        value(order, naming, "desc_nulls_first", "in descending order, nulls first");
        value(order, naming, "desc_nulls_last", "in descending order, nulls last");
        types.add(order.build());
        return name;
    }

    private static void value(GraphQLEnumType.Builder order, Naming naming, String value, String description) {
        String name = naming.enumValue(value);
        order.value(name, name, description);
    }

    static String orderByName(TableInfo table) {
        return table.type("_order_by");
    }

    static void addOrderBy(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables) {
        String orderBy = addOrderByEnum(types, table.naming());
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        table.columns().keySet().forEach(field -> fields.add(input(field, ref(orderBy))));
        table.computedFields().forEach((field, computed) -> {
            if (computed.plain()) {
                fields.add(input(field, ref(orderBy)));
            }
        });
        table.relationships().forEach((field, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (rel.kind() == ResolvedRelationship.Kind.OBJECT) {
                fields.add(input(field, ref(orderByName(target))));
            } else {
                addAggregateOrderBy(types, target);
                fields.add(input(table.field(field + "_aggregate"), ref(target.type("_aggregate_order_by"))));
            }
        });
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(orderByName(table))
                .description("Ordering options when selecting data from \"" + table.name().name() + "\".")
                .fields(fields).build());
    }

    /** {@code T_aggregate_order_by {count, avg: T_avg_order_by, …}} and its per-operation types. */
    static void addAggregateOrderBy(TypeSet types, TableInfo table) {
        String name = table.type("_aggregate_order_by");
        if (types.has(name)) {
            return;
        }
        String orderBy = addOrderByEnum(types, table.naming());
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input("count", ref(orderBy)));
        for (String op : AggregateTypes.OPERATIONS) {
            Predicate<Column> applies = AggregateTypes.appliesTo(op, table);
            List<String> columns = table.columns().entrySet().stream()
                    .filter(e -> applies.test(e.getValue())).map(java.util.Map.Entry::getKey).toList();
            if (columns.isEmpty()) {
                continue;
            }
            String opType = table.type("_" + op + "_order_by");
            List<GraphQLInputObjectField> opFields = new ArrayList<>();
            columns.forEach(c -> opFields.add(input(c, ref(orderBy))));
            opFields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
            types.add(GraphQLInputObjectType.newInputObject().name(opType)
                    .description("order by " + op + "() on columns of table \"" + table.name().name() + "\"")
                    .fields(opFields).build());
            fields.add(input(table.field(op), ref(opType)));
        }
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("order by aggregate values of table \"" + table.name().name() + "\"")
                .fields(fields).build());
    }
}
