package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.field;
import static junction.schema.TypeSet.listOfNonNull;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import java.util.Map;
import junction.catalog.Column;

/**
 * The Relay schema's own types, as Hasura names them: the {@code Node} interface with its global
 * {@code id}, {@code PageInfo}, and per table with a primary key {@code TConnection}, {@code TEdge}
 * and the connection arguments ({@code after, before, distinct_on, first, last, order_by, where}).
 */
public final class RelayTypes {
    public static final String NODE = "Node";
    public static final String PAGE_INFO = "PageInfo";

    private RelayTypes() {
    }

    /**
     * The columns a table's global id is made of: its primary key, whether the role may select those
     * columns or not (as Hasura's); empty for a table without one (it has no {@code id} and no connection).
     */
    public static List<Column> nodeKey(TableInfo table) {
        return table.tracked().table().primaryKey()
                .map(pk -> pk.columns().stream().map(c -> table.tracked().table().column(c).orElseThrow()).toList())
                .orElse(List.of());
    }

    /** Whether the table has a connection and implements {@code Node} for the role. */
    public static boolean isNode(TableInfo table) {
        return table.selectable() && !nodeKey(table).isEmpty();
    }

    public static String connectionName(TableInfo table) {
        return table.typeName() + "Connection";
    }

    static String edgeName(TableInfo table) {
        return table.typeName() + "Edge";
    }

    /** {@code Node} and {@code PageInfo}; the interface is answered by the planner, never resolved by graphql-java. */
    static void addShared(TypeSet types, GraphQLCodeRegistry.Builder registry) {
        types.add(GraphQLInterfaceType.newInterface().name(NODE).description("An object with globally unique ID")
                .field(field("id", nonNull("ID"), "A globally unique identifier")).build());
        registry.typeResolver(NODE, env -> null);
        types.scalar("ID");
        types.add(GraphQLObjectType.newObject().name(PAGE_INFO)
                .field(field("endCursor", nonNull("String"), null))
                .field(field("hasNextPage", nonNull("Boolean"), null))
                .field(field("hasPreviousPage", nonNull("Boolean"), null))
                .field(field("startCursor", nonNull("String"), null)).build());
    }

    /** {@code TConnection {edges, pageInfo}} and {@code TEdge {cursor, node}}. */
    static void addConnection(TypeSet types, TableInfo table) {
        types.add(GraphQLObjectType.newObject().name(connectionName(table))
                .field(field("edges", nonNullListOfNonNull(edgeName(table)), null))
                .field(field("pageInfo", nonNull(PAGE_INFO), null)).build());
        types.add(GraphQLObjectType.newObject().name(edgeName(table))
                .field(field("cursor", nonNull("String"), null))
                .field(field("node", nonNull(table.typeName()), null)).build());
    }

    /** {@code after, before, distinct_on, first, last, order_by, where} — sorted, as introspection lists them. */
    static List<GraphQLArgument> connectionArguments(TableInfo table) {
        return List.of(
                argument("after", Scalars.GraphQLString, null),
                argument("before", Scalars.GraphQLString, null),
                argument("distinct_on", listOfNonNull(table.typeName() + "_select_column"), "distinct select on columns"),
                argument("first", Scalars.GraphQLInt, null),
                argument("last", Scalars.GraphQLInt, null),
                argument("order_by", listOfNonNull(OrderTypes.orderByName(table)), "sort the rows by one or more columns"),
                argument("where", ref(FilterTypes.boolExpName(table)), "filter the rows returned"));
    }

    /** {@code T_connection} on {@code query_root}. */
    static void addConnectionRoot(TableInfo table, Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        String name = table.typeName() + "_connection";
        roots.put(name, new RootField.Connection(table));
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name(name).type(nonNull(connectionName(table)))
                .description("fetch data from the table: \"" + table.name().name() + "\"")
                .arguments(connectionArguments(table)).build());
    }

    /** {@code node(id: ID!): Node} on {@code query_root}. */
    static void addNodeRoot(Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        roots.put("node", new RootField.Node());
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name("node").type(ref(NODE))
                .argument(argument("id", nonNull("ID"), "A globally unique id")).build());
    }
}
