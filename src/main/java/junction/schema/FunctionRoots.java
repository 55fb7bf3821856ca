package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.input;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import junction.catalog.ScalarNames;
import junction.catalog.TableName;
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TablePermissions;
import junction.metadata.resolve.TrackedFunction;

/**
 * The root fields of tracked SQL functions, as Hasura has them: {@code <fn>(args: <fn>_args!, where,
 * order_by, limit, offset, distinct_on)} returning {@code [T!]!} (or {@code T} for a function
 * returning one row) and {@code <fn>_aggregate} in {@code query_root}, or {@code <fn>} in
 * {@code mutation_root} for a function exposed as a mutation. A role sees a query function when it
 * may select the return table and — with function permissions not inferred — has a function
 * permission; a mutation function always needs a function permission (admin excepted).
 */
final class FunctionRoots {
    private FunctionRoots() {
    }

    /**
     * The root fields of the source's functions the role sees, among the source's own (inside its
     * namespace, if any); with {@code relay}, those of the Relay schema: {@code <fn>_connection} for a
     * set-returning query function over a table with a primary key.
     */
    static void add(Snapshot snapshot, SourceSnapshot source, String role, boolean inferPermissions, boolean relay,
                    Map<TableName, TableInfo> byName,
                    TypeSet types, Map<String, RootField> queryRoots, List<GraphQLFieldDefinition> queryFields,
                    Map<String, RootField> mutationRoots, List<GraphQLFieldDefinition> mutationFields) {
        Naming naming = source.naming();
        for (TrackedFunction function : source.functions().values()) {
            TableInfo table = byName.get(function.returnTable());
            if (table == null || !table.selectable() || !visible(snapshot, function, role, inferPermissions)) {
                continue;
            }
            if (!TableInfo.isGraphqlName(function.rootFieldName(naming)) || !TableInfo.isGraphqlName(function.argsTypeName(naming))) {
                continue;
            }
            if (relay) {
                if (!function.mutation() && function.returnsSet() && RelayTypes.isNode(table)) {
                    String name = function.rootFieldName(naming) + "_connection";
                    add(queryRoots, queryFields, name, new RootField.FunctionConnection(function, table),
                            GraphQLFieldDefinition.newFieldDefinition().name(name)
                                    .type(nonNull(RelayTypes.connectionName(table)))
                                    .arguments(arguments(types, function, table, RelayTypes.connectionArguments(table)))
                                    .description(function.description() != null ? function.description()
                                            : "execute function \"" + function.name().name() + "\" which returns \""
                                                    + function.returnTable().name() + "\"").build());
                }
                continue;
            }
            List<GraphQLArgument> arguments = arguments(types, function, table, TableTypes.listArguments(table));
            String returns = "\"" + function.returnTable().name() + "\"";
            String name = "\"" + function.name().name() + "\"";
            if (function.mutation()) {
                add(mutationRoots, mutationFields, function.rootFieldName(naming), new RootField.Function(function, table, false),
                        field(function, table, arguments, "execute VOLATILE function " + name + " which returns " + returns));
                continue;
            }
            add(queryRoots, queryFields, function.rootFieldName(naming), new RootField.Function(function, table, false),
                    field(function, table, arguments, "execute function " + name + " which returns " + returns));
            if (function.returnsSet() && table.aggregatable()) {
                add(queryRoots, queryFields, function.aggregateFieldName(naming), new RootField.Function(function, table, true),
                        GraphQLFieldDefinition.newFieldDefinition().name(function.aggregateFieldName(naming))
                                .type(nonNull(table.type("_aggregate"))).arguments(arguments)
                                .description("execute function " + name + " and query aggregates on result of table type "
                                        + returns).build());
            }
        }
    }

    private static boolean visible(Snapshot snapshot, TrackedFunction function, String role, boolean inferPermissions) {
        if (role.equals(TablePermissions.ADMIN)) {
            return true;
        }
        return permitted(snapshot, function, role, new java.util.HashSet<>()) || (!function.mutation() && inferPermissions);
    }

    /** A function permission of the role, or for an inherited role of any role it inherits from (as Hasura). */
    private static boolean permitted(Snapshot snapshot, TrackedFunction function, String role, java.util.Set<String> seen) {
        if (function.permits(role)) {
            return true;
        }
        if (!seen.add(role)) {
            return false;
        }
        return snapshot.metadata().inheritedRoles().stream().filter(r -> r.roleName().equals(role))
                .flatMap(r -> r.roleSet().stream()).anyMatch(parent -> permitted(snapshot, function, parent, seen));
    }

    private static void add(Map<String, RootField> roots, List<GraphQLFieldDefinition> fields, String name, RootField root,
                            GraphQLFieldDefinition field) {
        if (roots.putIfAbsent(name, root) == null) {
            fields.add(field);
        }
    }

    private static GraphQLFieldDefinition field(TrackedFunction function, TableInfo table, List<GraphQLArgument> arguments,
                                                String fallback) {
        String description = function.description() != null ? function.description() : fallback;
        return GraphQLFieldDefinition.newFieldDefinition().name(function.rootFieldName(table.naming()))
                .type(function.returnsSet() ? nonNullListOfNonNull(table.typeName()) : ref(table.typeName()))
                .description(description).arguments(arguments).build();
    }

    /** {@code args} (when the function takes any) and the table's arguments ({@code base}), sorted by name. */
    private static List<GraphQLArgument> arguments(TypeSet types, TrackedFunction function, TableInfo table,
                                                   List<GraphQLArgument> base) {
        List<GraphQLArgument> out = new ArrayList<>(base);
        List<TrackedFunction.Argument> given = function.userArguments();
        if (!given.isEmpty()) {
            GraphQLInputObjectType.Builder args = GraphQLInputObjectType.newInputObject().name(function.argsTypeName(table.naming()))
                    .description("input parameters for function \"" + function.name().name() + "\"");
            given.stream().sorted(Comparator.comparing(TrackedFunction.Argument::graphqlName)).forEach(a -> args.field(
                    input(a.graphqlName(), ref(types.scalar(ScalarNames.of(a.argument().type()))))));
            types.add(args.build());
            boolean required = given.stream().anyMatch(a -> !a.argument().hasDefault());
            GraphQLInputType type = required ? nonNull(function.argsTypeName(table.naming())) : ref(function.argsTypeName(table.naming()));
            out.add(argument("args", type, "input parameters for function \"" + function.name().name() + "\""));
        }
        out.sort(Comparator.comparing(GraphQLArgument::getName));
        return out;
    }
}
