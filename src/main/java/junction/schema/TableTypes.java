package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.field;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.metadata.resolve.ResolvedRelationship;
import junction.remote.RemoteSchemaState;

/** The object type {@code T} of a table, its {@code T_select_column} enum and the list arguments. */
final class TableTypes {
    private TableTypes() {
    }

    static void add(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                    Map<String, RemoteSchemaState.Ready> remotes) {
        List<GraphQLFieldDefinition> fields = new ArrayList<>(RemoteRelationshipFields.of(table, remotes, types));
        table.columns().forEach((name, column) -> fields.add(field(name, columnType(types, column), column.comment())));
        table.relationships().forEach((name, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (rel.kind() == ResolvedRelationship.Kind.OBJECT) {
                fields.add(field(name, ref(target.typeName()), comment(rel, "An object relationship")));
                return;
            }
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name).type(nonNullListOfNonNull(target.typeName()))
                    .description(comment(rel, "An array relationship")).arguments(listArguments(target)).build());
            if (!target.aggregatable()) {
                return;
            }
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name + "_aggregate")
                    .type(nonNull(target.typeName() + "_aggregate"))
                    .description(comment(rel, "An aggregate relationship")).arguments(listArguments(target)).build());
        });
        fields.addAll(ComputedFieldTypes.fields(types, table, tables));
        fields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
        String comment = table.tracked().entry().configuration().comment();
        types.add(GraphQLObjectType.newObject().name(table.typeName())
                .description(comment != null ? comment : "columns and relationships of \"" + table.name().name() + "\"")
                .fields(fields).build());
        addSelectColumn(types, table);
    }

    static GraphQLOutputType columnType(TypeSet types, Column column) {
        String scalar = types.scalar(ScalarTypes.graphqlName(column));
        return column.nullable() ? ref(scalar) : nonNull(scalar);
    }

    /** {@code distinct_on, limit, offset, order_by, where} — sorted, as introspection lists them. */
    static List<GraphQLArgument> listArguments(TableInfo table) {
        return List.of(
                argument("distinct_on", listOfNonNull(table.typeName() + "_select_column"), "distinct select on columns"),
                argument("limit", Scalars.GraphQLInt, "limit the number of rows returned"),
                argument("offset", Scalars.GraphQLInt, "skip the first n rows. Use only with order_by"),
                argument("order_by", listOfNonNull(OrderTypes.orderByName(table)), "sort the rows by one or more columns"),
                argument("where", ref(FilterTypes.boolExpName(table)), "filter the rows returned"));
    }

    private static void addSelectColumn(TypeSet types, TableInfo table) {
        GraphQLEnumType.Builder columns = GraphQLEnumType.newEnum().name(table.typeName() + "_select_column")
                .description("select columns of table \"" + table.name().name() + "\"");
        table.columns().keySet().stream().sorted().forEach(name -> columns.value(name, name, "column name"));
        types.add(columns.build());
    }

    private static String comment(ResolvedRelationship rel, String fallback) {
        return rel.comment() != null ? rel.comment() : fallback;
    }
}
