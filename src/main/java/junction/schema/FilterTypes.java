package junction.schema;

import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import junction.catalog.CastTargets;
import junction.catalog.Column;
import java.util.function.Function;
import junction.catalog.TableName;
import junction.metadata.resolve.Naming;

/** {@code T_bool_exp} per table and {@code <Scalar>_comparison_exp} per scalar, with Hasura's operators. */
final class FilterTypes {
    static final List<String> BASIC = List.of("_eq", "_gt", "_gte", "_lt", "_lte", "_neq");
    static final List<String> TEXT = List.of("_ilike", "_iregex", "_like", "_nilike", "_niregex", "_nlike",
            "_nregex", "_nsimilar", "_regex", "_similar");
    static final List<String> JSONB = List.of("_contained_in", "_contains", "_has_key", "_has_keys_all",
            "_has_keys_any");

    private FilterTypes() {
    }

    static String boolExpName(TableInfo table) {
        return table.type("_bool_exp");
    }

    static void addBoolExp(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables) {
        String name = boolExpName(table);
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input("_and", listOfNonNull(name)));
        fields.add(input("_not", ref(name)));
        fields.add(input("_or", listOfNonNull(name)));
        table.columns().forEach((field, column) -> fields.add(input(field, ref(ColumnTypes.comparison(types, table, column)))));
        table.computedFields().forEach((field, computed) -> {
            if (computed.plain()) {
                fields.add(input(field, ref(comparison(types, computed.returnColumn(), table.naming()))));
            } else if (!computed.scalar() && computed.arguments().isEmpty()) {
                fields.add(input(field, ref(boolExpName(tables.apply(computed.returnTable().orElseThrow())))));
            }
        });
        table.relationships().forEach((field, rel) -> {
            TableInfo target = tables.apply(rel.target());
            fields.add(input(field, ref(boolExpName(target))));
            if (rel.kind() == junction.metadata.resolve.ResolvedRelationship.Kind.ARRAY && target.aggregatable()) {
                fields.add(input(table.field(field + "_aggregate"), ref(addAggregateBoolExp(types, target))));
            }
        });
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("Boolean expression to filter rows from the table \"" + table.name().name()
                        + "\". All fields are combined with a logical 'AND'.")
                .fields(fields).build());
    }

    /**
     * {@code T_aggregate_bool_exp {count: {arguments, distinct, filter, predicate: Int_comparison_exp!}}}:
     * a filter on how many related rows (matching {@code filter}) an array relationship has.
     */
    static String addAggregateBoolExp(TypeSet types, TableInfo table) {
        String name = table.type("_aggregate_bool_exp");
        if (types.has(name)) {
            return name;
        }
        String count = comparison(types, new Column("count", 0, "int4", "N", false, false, false, null, List.of()), table.naming());
        String countType = table.type("_aggregate_bool_exp_count");
        types.add(GraphQLInputObjectType.newInputObject().name(countType)
                .field(input("arguments", listOfNonNull(table.type("_select_column"))))
                .field(input("distinct", Scalars.GraphQLBoolean))
                .field(input("filter", ref(boolExpName(table))))
                .field(input("predicate", nonNull(count))).build());
        types.add(GraphQLInputObjectType.newInputObject().name(name).field(input("count", ref(countType))).build());
        return name;
    }

    /**
     * The comparison type of a column's scalar, added on first use; returns its name: {@code
     * <scalar>_comparison_exp}, PascalCase in graphql-default (Hasura keeps the scalar's own name),
     * never with the source's type prefix or suffix.
     */
    static String comparison(TypeSet types, Column column, Naming naming) {
        if (column.isArray()) {
            return arrayComparison(types, column, naming);
        }
        String scalar = types.scalar(ScalarTypes.graphqlName(column));
        String name = naming.sharedType(scalar + "_comparison_exp");
        if (types.has(name)) {
            return name;
        }
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input(naming.field("_is_null"), Scalars.GraphQLBoolean));
        if (ScalarTypes.hasEquality(column)) {
            BASIC.forEach(op -> fields.add(input(op, ref(scalar))));
            fields.add(input("_in", listOfNonNull(scalar)));
            fields.add(input("_nin", listOfNonNull(scalar)));
        }
        if (ScalarTypes.isText(column)) {
            TEXT.forEach(op -> fields.add(input(op, Scalars.GraphQLString)));
        }
        if (ScalarTypes.isJsonb(column)) {
            fields.add(input(naming.field("_contained_in"), ref(scalar)));
            fields.add(input("_contains", ref(scalar)));
            fields.add(input(naming.field("_has_key"), Scalars.GraphQLString));
            fields.add(input(naming.field("_has_keys_all"), GraphQLList.list(nonNull("String"))));
            fields.add(input(naming.field("_has_keys_any"), GraphQLList.list(nonNull("String"))));
        }
        ExtensionOperators.add(types, column, scalar, fields, naming);
        Map<String, String> casts = CastTargets.of(column.type());
        if (!casts.isEmpty()) {
            fields.add(input("_cast", ref(naming.sharedType(scalar + "_cast_exp"))));
        }
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("Boolean expression to compare columns of type \"" + scalar
                        + "\". All fields are combined with logical 'AND'.")
                .fields(fields).build());
        if (!casts.isEmpty() && !types.has(scalar + "_cast_exp")) {
            addCast(types, column, naming.sharedType(scalar + "_cast_exp"), casts, naming);
        }
        return name;
    }

    /**
     * {@code <scalar>_cast_exp {<target>: <target>_comparison_exp}}: comparisons of the column cast to
     * another type (Hasura's {@code _cast}). Built after the column's own comparison type, which the
     * target's, casting back, then finds.
     */
    private static void addCast(TypeSet types, Column column, String name, Map<String, String> casts, Naming naming) {
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        casts.forEach((target, type) -> fields.add(input(target, ref(comparison(types, CastTargets.cast(column, type), naming)))));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("Expression to compare the result of casting a column of type " + column.type()
                        + ". Multiple cast targets are combined with logical 'AND'.")
                .fields(fields).build());
    }

    /**
     * {@code <Scalar>_array_comparison_exp} for an array column, as Hasura has it: the comparisons and
     * {@code _contains}/{@code _contained_in} take {@code [Scalar!]}, {@code _in}/{@code _nin} a list of them.
     */
    private static String arrayComparison(TypeSet types, Column column, Naming naming) {
        String scalar = types.scalar(ScalarTypes.graphqlName(column));
        String name = naming.sharedType(scalar + "_array_comparison_exp");
        if (types.has(name)) {
            return name;
        }
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input(naming.field("_is_null"), Scalars.GraphQLBoolean));
        for (String op : List.of("_contained_in", "_contains", "_eq", "_gt", "_gte", "_lt", "_lte", "_neq")) {
            fields.add(input(naming.field(op), listOfNonNull(scalar)));
        }
        fields.add(input("_in", GraphQLList.list(graphql.schema.GraphQLNonNull.nonNull(listOfNonNull(scalar)))));
        fields.add(input("_nin", GraphQLList.list(graphql.schema.GraphQLNonNull.nonNull(listOfNonNull(scalar)))));
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("Boolean expression to compare columns of type \"" + scalar
                        + "\". All fields are combined with logical 'AND'.")
                .fields(fields).build());
        return name;
    }
}
