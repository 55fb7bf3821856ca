package junction.schema;

import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.EnumRows;
import junction.metadata.resolve.EnumReference;

/**
 * The GraphQL type of a column: its enum table's enum ({@code user_role_enum}, values the enum
 * table's rows, descriptions their comments) when it references one, else its scalar. An enum is
 * added to a role's schema only with a column that uses it, so a role sees the enums of the columns
 * it sees. An enum's comparisons ({@code user_role_enum_comparison_exp}) are equality only, as
 * Hasura's: {@code _eq _in _is_null _neq _nin}.
 */
final class ColumnTypes {
    private ColumnTypes() {
    }

    /** The name of the column's GraphQL type (not added to a schema). */
    static String name(TableInfo table, Column column) {
        return enumOf(table, column).map(EnumReference::typeName).orElseGet(() -> ScalarTypes.graphqlName(column));
    }

    /** The name of the column's GraphQL type, the type added to {@code types} on first use. */
    static String add(TypeSet types, TableInfo table, Column column) {
        Optional<EnumReference> reference = enumOf(table, column);
        if (reference.isEmpty()) {
            return types.scalar(ScalarTypes.graphqlName(column));
        }
        EnumReference e = reference.get();
        if (!types.has(e.typeName())) {
            GraphQLEnumType.Builder values = GraphQLEnumType.newEnum().name(e.typeName());
            for (EnumRows.Row row : e.values()) {
                values.value(row.value(), row.value(), row.comment());
            }
            types.add(values.build());
        }
        return e.typeName();
    }

    /** The name of the column's comparison type ({@code <type>_comparison_exp}), added on first use. */
    static String comparison(TypeSet types, TableInfo table, Column column) {
        if (enumOf(table, column).isEmpty()) {
            return FilterTypes.comparison(types, column, table.naming());
        }
        String type = add(types, table, column);
        String name = table.naming().sharedType(type + "_comparison_exp");
        if (!types.has(name)) {
            types.add(GraphQLInputObjectType.newInputObject().name(name)
                    .description("Boolean expression to compare columns of type \"" + type
                            + "\". All fields are combined with logical 'AND'.")
                    .field(input("_eq", ref(type)))
                    .field(input("_in", listOfNonNull(type)))
                    .field(input(table.naming().field("_is_null"), Scalars.GraphQLBoolean))
                    .field(input("_neq", ref(type)))
                    .field(input("_nin", listOfNonNull(type))).build());
        }
        return name;
    }

    /** Whether the column is typed with an enum table's enum (no max/min aggregates then, as Hasura). */
    static boolean isEnum(TableInfo table, Column column) {
        return enumOf(table, column).isPresent();
    }

    private static Optional<EnumReference> enumOf(TableInfo table, Column column) {
        return table.tracked().enumColumn(column.name());
    }
}
