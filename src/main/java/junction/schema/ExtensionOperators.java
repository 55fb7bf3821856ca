package junction.schema;

import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.language.BooleanValue;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import junction.catalog.Column;
import junction.metadata.resolve.Naming;

/**
 * The comparison operators Hasura gives the types of PostGIS ({@code geometry}, {@code geography})
 * and of the {@code ltree} extension, with the input types they take: {@code st_d_within_input
 * {distance: Float!, from: geometry!}}, {@code st_d_within_geography_input {distance: Float!, from:
 * geography!, use_spheroid: Boolean = true}}, and the {@code lquery}/{@code ltxtquery} scalars.
 */
final class ExtensionOperators {
    static final List<String> GEOMETRY = List.of("_st_3d_intersects", "_st_contains", "_st_crosses", "_st_equals",
            "_st_intersects", "_st_overlaps", "_st_touches", "_st_within");

    private ExtensionOperators() {
    }

    /** Adds the column type's own operators to {@code fields} (nothing for other types). */
    static void add(TypeSet types, Column column, String scalar, List<GraphQLInputObjectField> fields, Naming naming) {
        switch (column.type()) {
            case "geometry" -> {
                GEOMETRY.forEach(op -> fields.add(input(naming.field(op), ref(scalar))));
                String within = withinInput(types, "st_d_within_input", "geometry", false);
                fields.add(input(naming.field("_st_d_within"), ref(within)));
                fields.add(input(naming.field("_st_3d_d_within"), ref(within)));
            }
            case "geography" -> {
                fields.add(input(naming.field("_st_intersects"), ref(scalar)));
                fields.add(input(naming.field("_st_d_within"), ref(withinInput(types, "st_d_within_geography_input", "geography", true))));
            }
            case "ltree" -> {
                fields.add(input(naming.field("_ancestor"), ref(scalar)));
                fields.add(input(naming.field("_ancestor_any"), listOfNonNull(scalar)));
                fields.add(input(naming.field("_descendant"), ref(scalar)));
                fields.add(input(naming.field("_descendant_any"), listOfNonNull(scalar)));
                fields.add(input(naming.field("_matches"), ref(types.scalar("lquery"))));
                fields.add(input(naming.field("_matches_any"), listOfNonNull("String")));
                fields.add(input(naming.field("_matches_fulltext"), ref(types.scalar("ltxtquery"))));
            }
            default -> {
            }
        }
    }

    private static String withinInput(TypeSet types, String name, String scalar, boolean spheroid) {
        if (types.has(name)) {
            return name;
        }
        GraphQLInputObjectType.Builder input = GraphQLInputObjectType.newInputObject().name(name)
                .field(input("distance", nonNull("Float")))
                .field(input("from", nonNull(types.scalar(scalar))));
        if (spheroid) {
            input.field(GraphQLInputObjectField.newInputObjectField().name("use_spheroid").type(Scalars.GraphQLBoolean)
                    .defaultValueLiteral(BooleanValue.of(true)).build());
        }
        types.add(input.build());
        return name;
    }
}
