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
        add(types, table, tables, remotes, false);
    }

    /**
     * In the Relay schema ({@code relay}) a table with a primary key implements {@code Node}: its
     * {@code id} is the global id (a column named {@code id} gives way to it, in every table, as in
     * Hasura), array relationships to such tables add {@code <rel>_connection}, and there are no
     * remote relationships.
     */
    static void add(TypeSet types, TableInfo table, Function<TableName, TableInfo> tables,
                    Map<String, RemoteSchemaState.Ready> remotes, boolean relay) {
        List<GraphQLFieldDefinition> fields = new ArrayList<>(relay ? List.of() : RemoteRelationshipFields.of(table, remotes, types));
        table.columns().forEach((name, column) -> {
            if (!relay || !name.equals("id")) {
                fields.add(field(name, columnType(types, table, column), column.comment()));
            }
        });
        boolean node = relay && RelayTypes.isNode(table);
        if (node) {
            fields.add(field("id", nonNull("ID"), null));
        }
        table.relationships().forEach((name, rel) -> {
            TableInfo target = tables.apply(rel.target());
            if (rel.kind() == ResolvedRelationship.Kind.OBJECT) {
                fields.add(field(name, ref(target.typeName()), comment(rel, "An object relationship")));
                return;
            }
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name).type(nonNullListOfNonNull(target.typeName()))
                    .description(comment(rel, "An array relationship")).arguments(listArguments(target)).build());
            if (relay && RelayTypes.isNode(target)) {
                fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name + "_connection")
                        .type(nonNull(RelayTypes.connectionName(target))).description("An array relationship connection")
                        .arguments(RelayTypes.connectionArguments(target)).build());
            }
            if (!target.aggregatable()) {
                return;
            }
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(table.field(name + "_aggregate"))
                    .type(nonNull(target.type("_aggregate")))
                    .description(comment(rel, "An aggregate relationship")).arguments(listArguments(target)).build());
        });
        fields.addAll(ComputedFieldTypes.fields(types, table, tables));
        fields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
        String comment = table.tracked().entry().configuration().comment();
        GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name(table.typeName())
                .description(comment != null ? comment : "columns and relationships of \"" + table.name().name() + "\"")
                .fields(fields);
        if (node) {
            type.withInterface(graphql.schema.GraphQLTypeReference.typeRef(RelayTypes.NODE));
        }
        types.add(type.build());
        addSelectColumn(types, table);
    }

    static GraphQLOutputType columnType(TypeSet types, TableInfo table, Column column) {
        String scalar = ColumnTypes.add(types, table, column);
        return (GraphQLOutputType) TypeSet.columnValue(scalar, column, !column.nullable());
    }

    /** {@code distinct_on, limit, offset, order_by, where} ({@code distinctOn}, …, {@code orderBy} in graphql-default) — sorted, as introspection lists them. */
    static List<GraphQLArgument> listArguments(TableInfo table) {
        return List.of(
                argument(table.field("distinct_on"), listOfNonNull(table.type("_select_column")), "distinct select on columns"),
                argument("limit", Scalars.GraphQLInt, "limit the number of rows returned"),
                argument("offset", Scalars.GraphQLInt, "skip the first n rows. Use only with order_by"),
                argument(table.field("order_by"), listOfNonNull(OrderTypes.orderByName(table)), "sort the rows by one or more columns"),
                argument("where", ref(FilterTypes.boolExpName(table)), "filter the rows returned"));
    }

    private static void addSelectColumn(TypeSet types, TableInfo table) {
        GraphQLEnumType.Builder columns = GraphQLEnumType.newEnum().name(table.type("_select_column"))
                .description("select columns of table \"" + table.name().name() + "\"");
        table.columns().keySet().stream().sorted().forEach(name -> columns.value(name, name, "column name"));
        types.add(columns.build());
    }

    private static String comment(ResolvedRelationship rel, String fallback) {
        return rel.comment() != null ? rel.comment() : fallback;
    }
}
