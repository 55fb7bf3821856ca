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
import junction.catalog.Column;
import java.util.function.Function;
import junction.catalog.TableName;

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
        return table.typeName() + "_bool_exp";
    }

    static void addBoolExp(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables) {
        String name = boolExpName(table);
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input("_and", listOfNonNull(name)));
        fields.add(input("_not", ref(name)));
        fields.add(input("_or", listOfNonNull(name)));
        table.columns().forEach((field, column) -> fields.add(input(field, ref(comparison(types, column)))));
        table.computedFields().forEach((field, computed) -> {
            if (computed.plain()) {
                fields.add(input(field, ref(comparison(types, computed.returnColumn()))));
            } else if (!computed.scalar() && computed.arguments().isEmpty()) {
                fields.add(input(field, ref(boolExpName(tables.apply(computed.returnTable().orElseThrow())))));
            }
        });
        table.relationships().forEach((field, rel) -> {
            TableInfo target = tables.apply(rel.target());
            fields.add(input(field, ref(boolExpName(target))));
            if (rel.kind() == junction.metadata.resolve.ResolvedRelationship.Kind.ARRAY && target.aggregatable()) {
                fields.add(input(field + "_aggregate", ref(addAggregateBoolExp(types, target))));
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
        String name = table.typeName() + "_aggregate_bool_exp";
        if (types.has(name)) {
            return name;
        }
        String count = comparison(types, new Column("count", 0, "int4", "N", false, false, false, null, List.of()));
        types.add(GraphQLInputObjectType.newInputObject().name(name + "_count")
                .field(input("arguments", listOfNonNull(table.typeName() + "_select_column")))
                .field(input("distinct", Scalars.GraphQLBoolean))
                .field(input("filter", ref(boolExpName(table))))
                .field(input("predicate", nonNull(count))).build());
        types.add(GraphQLInputObjectType.newInputObject().name(name).field(input("count", ref(name + "_count"))).build());
        return name;
    }

    /** The comparison type of a column's scalar, added on first use; returns its name. */
    static String comparison(TypeSet types, Column column) {
        String scalar = types.scalar(ScalarTypes.graphqlName(column));
        String name = scalar + "_comparison_exp";
        if (types.has(name)) {
            return name;
        }
        List<GraphQLInputObjectField> fields = new ArrayList<>();
        fields.add(input("_is_null", Scalars.GraphQLBoolean));
        if (ScalarTypes.hasEquality(column)) {
            BASIC.forEach(op -> fields.add(input(op, ref(scalar))));
            fields.add(input("_in", listOfNonNull(scalar)));
            fields.add(input("_nin", listOfNonNull(scalar)));
        }
        if (ScalarTypes.isText(column)) {
            TEXT.forEach(op -> fields.add(input(op, Scalars.GraphQLString)));
        }
        if (ScalarTypes.isJsonb(column)) {
            fields.add(input("_contained_in", ref(scalar)));
            fields.add(input("_contains", ref(scalar)));
            fields.add(input("_has_key", Scalars.GraphQLString));
            fields.add(input("_has_keys_all", GraphQLList.list(nonNull("String"))));
            fields.add(input("_has_keys_any", GraphQLList.list(nonNull("String"))));
        }
        fields.sort(Comparator.comparing(GraphQLInputObjectField::getName));
        types.add(GraphQLInputObjectType.newInputObject().name(name)
                .description("Boolean expression to compare columns of type \"" + scalar
                        + "\". All fields are combined with logical 'AND'.")
                .fields(fields).build());
        return name;
    }

}
