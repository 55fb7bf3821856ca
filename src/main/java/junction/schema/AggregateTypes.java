package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.field;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import junction.catalog.Column;

/** {@code T_aggregate}, {@code T_aggregate_fields} and {@code T_<op>_fields}, as Hasura names them. */
public final class AggregateTypes {
    /** Aggregate operations besides {@code count}, sorted by name. */
    public static final List<String> OPERATIONS = List.of("avg", "max", "min", "stddev", "stddev_pop",
            "stddev_samp", "sum", "var_pop", "var_samp", "variance");

    private AggregateTypes() {
    }

    /** Which columns an operation applies to: max/min to orderable types, the rest to numbers. */
    public static Predicate<Column> appliesTo(String operation) {
        return operation.equals("max") || operation.equals("min") ? ScalarTypes::isComparable : ScalarTypes::isNumeric;
    }

    /** Which columns of {@code table} an operation applies to: not those typed with an enum table's enum. */
    static Predicate<Column> appliesTo(String operation, TableInfo table) {
        return appliesTo(operation).and(c -> !ColumnTypes.isEnum(table, c));
    }

    /** The GraphQL type of {@code op(column)}: the column's own type for sum/max/min, else Float. */
    static String resultType(TypeSet types, String operation, Column column) {
        return switch (operation) {
            case "sum", "max", "min" -> types.scalar(ScalarTypes.graphqlName(column));
            default -> "Float";
        };
    }

    static void add(TypeSet types, TableInfo table) {
        String base = table.typeName();
        List<GraphQLFieldDefinition> fields = new ArrayList<>();
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name("count").type(nonNull("Int"))
                .argument(argument("columns", listOfNonNull(table.type("_select_column")), null))
                .argument(argument("distinct", Scalars.GraphQLBoolean, null)).build());
        for (String op : OPERATIONS) {
            List<GraphQLFieldDefinition> opFields = new ArrayList<>();
            table.columns().forEach((name, column) -> {
                if (appliesTo(op, table).test(column)) {
                    opFields.add(field(name, ref(resultType(types, op, column)), null));
                }
            });
            if (opFields.isEmpty()) {
                continue;
            }
            opFields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
            String opType = table.type("_" + op + "_fields");
            types.add(GraphQLObjectType.newObject().name(opType)
                    .description("aggregate " + op + " on columns").fields(opFields).build());
            fields.add(field(table.field(op), ref(opType), null));
        }
        fields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
        types.add(GraphQLObjectType.newObject().name(table.type("_aggregate_fields"))
                .description("aggregate fields of \"" + table.name().name() + "\"").fields(fields).build());
        types.add(GraphQLObjectType.newObject().name(table.type("_aggregate"))
                .description("aggregated selection of \"" + table.name().name() + "\"")
                .field(field("aggregate", ref(table.type("_aggregate_fields")), null))
                .field(field("nodes", nonNullListOfNonNull(base), null)).build());
    }
}
