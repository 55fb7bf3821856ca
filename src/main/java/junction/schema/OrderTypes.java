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
import junction.metadata.resolve.ResolvedRelationship;

/** The {@code order_by} enum, {@code T_order_by}, and the aggregate orderings of array relationships. */
final class OrderTypes {
    static final String ORDER_BY = "order_by";

    private OrderTypes() {
    }

    static void addOrderByEnum(TypeSet types) {
        types.add(GraphQLEnumType.newEnum().name(ORDER_BY).description("column ordering options")
                .value("asc", "asc", "in ascending order, nulls last")
                .value("asc_nulls_first", "asc_nulls_first", "in ascending order, nulls first")
                .value("asc_nulls_last", "asc_nulls_last", "in ascending order, nulls last")
                .value("desc", "desc", "in descending order, nulls first")
                .value("desc_nulls_first", "desc_nulls_first", "in descending order, nulls first")
                .value("desc_nulls_last", "desc_nulls_last", "in descending order, nulls last")
                .build());
    }

    static String orderByName(TableInfo table) {
        return table.typeName() + "_order_by";
    }

    static void addOrderBy(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables) {
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        table.columns().keySet().forEach(field -> fields.add(input(field, ref(ORDER_BY))));
        table.computedFields().forEach((field, computed) -> {
            if (computed.plain()) {
                fields.add(input(field, ref(ORDER_BY)));
            }
        });
        table.relationships().forEach((field, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (rel.kind() == ResolvedRelationship.Kind.OBJECT) {
                fields.add(input(field, ref(orderByName(target))));
            } else {
                addAggregateOrderBy(types, target);
                fields.add(input(field + "_aggregate", ref(target.typeName() + "_aggregate_order_by")));
            }
        });
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(orderByName(table))
                .description("Ordering options when selecting data from \"" + table.name().name() + "\".")
                .fields(fields).build());
    }

    /** {@code T_aggregate_order_by {count, avg: T_avg_order_by, …}} and its per-operation types. */
    static void addAggregateOrderBy(TypeSet types, TableInfo table) {
        String name = table.typeName() + "_aggregate_order_by";
        if (types.has(name)) {
            return;
        }
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input("count", ref(ORDER_BY)));
        for (String op : AggregateTypes.OPERATIONS) {
            Predicate<Column> applies = AggregateTypes.appliesTo(op);
            List<String> columns = table.columns().entrySet().stream()
                    .filter(e -> applies.test(e.getValue())).map(java.util.Map.Entry::getKey).toList();
            if (columns.isEmpty()) {
                continue;
            }
            String opType = table.typeName() + "_" + op + "_order_by";
            List<GraphQLInputObjectField> opFields = new ArrayList<>();
            columns.forEach(c -> opFields.add(input(c, ref(ORDER_BY))));
            opFields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
            types.add(GraphQLInputObjectType.newInputObject().name(opType)
                    .description("order by " + op + "() on columns of table \"" + table.name().name() + "\"")
                    .fields(opFields).build());
            fields.add(input(op, ref(opType)));
        }
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("order by aggregate values of table \"" + table.name().name() + "\"")
                .fields(fields).build());
    }
}
