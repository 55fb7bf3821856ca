package junction.schema;

import static junction.schema.TypeSet.argument;
import static junction.schema.TypeSet.field;
import static junction.schema.TypeSet.nonNull;
import static junction.schema.TypeSet.nonNullListOfNonNull;
import static junction.schema.TypeSet.ref;

import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import junction.catalog.Column;
import junction.catalog.TableName;
import junction.metadata.resolve.Naming;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TrackedTable;
import junction.remote.RemoteSchemaState;

/**
 * Builds one role's GraphQL schema from a snapshot, with Hasura's names: per tracked table the
 * object type, filters, orderings, aggregates and the root fields {@code T}, {@code T_by_pk},
 * {@code T_aggregate} (and the mutation root fields).
 */
public final class SchemaBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SchemaBuilder.class);
    /** The key under which the introspection executor finds the document to run. */
    public static final String DOCUMENT = "junction.document";
    /** Whether graphql-java validates each built schema (tests turn it on: {@code -Djunction.validateSchemas=true}). */
    private static final boolean VALIDATE = Boolean.getBoolean("junction.validateSchemas");

    private final boolean remoteSchemaPermissions;
    private final boolean inferFunctionPermissions;

    /** A builder for an engine without remote schema permissions: every role sees every remote schema. */
    public SchemaBuilder() {
        this(false);
    }

    /** @param remoteSchemaPermissions whether a role other than admin sees only what its remote schema permissions give it */
    public SchemaBuilder(boolean remoteSchemaPermissions) {
        this(remoteSchemaPermissions, true);
    }

    /**
     * @param inferFunctionPermissions whether a role sees a query function when it may select the function's
     *                                 return table ({@code HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS}), or only
     *                                 with a function permission
     */
    public SchemaBuilder(boolean remoteSchemaPermissions, boolean inferFunctionPermissions) {
        this.remoteSchemaPermissions = remoteSchemaPermissions;
        this.inferFunctionPermissions = inferFunctionPermissions;
    }

    static {
        // Hasura does not cap introspection; the engine's own depth and field limits apply to every query.
        graphql.introspection.GoodFaithIntrospection.enabledJvmWide(false);
    }

    /**
     * The role's schema. It always builds: should the whole fail (a name or shape the resolver let
     * through), each table and remote schema is tried alone, those that fail alone are left out with
     * an error in the log, and the rest is built again — at worst a schema with nothing but
     * {@code __typename}. The resolver reports such objects as inconsistent; this is the last guard.
     */
    public RoleSchema build(Snapshot snapshot, String role) {
        return build(snapshot, role, false);
    }

    /** The role's schema in the frontend or, with {@code backendOnly}, the backend scenario (backend_only permissions). */
    public RoleSchema build(Snapshot snapshot, String role, boolean backendOnly) {
        return build(snapshot, role, backendOnly, false);
    }

    /**
     * The role's schema of {@code /v1/graphql}, or with {@code relay} of {@code /v1beta1/relay}: table
     * types implement {@code Node}, {@code query_root} has {@code node} and {@code T_connection}
     * fields, and remote schemas are left out (so are remote relationships).
     */
    public RoleSchema build(Snapshot snapshot, String role, boolean backendOnly, boolean relay) {
        Map<String, Map<TableName, TableInfo>> tables = tables(snapshot, role, backendOnly);
        Map<String, RemoteSchemaState.Ready> remotes = relay ? Map.of() : RoleRemotes.of(snapshot, role, remoteSchemaPermissions);
        try {
            return build(snapshot, role, tables, remotes, relay);
        } catch (RuntimeException e) {
            LOG.error("the GraphQL schema of role {} failed to build; leaving out the objects that fail alone", role, e);
        }
        Map<String, RemoteSchemaState.Ready> buildableRemotes = buildableRemotes(snapshot, role, remotes, relay);
        Map<String, Map<TableName, TableInfo>> buildableTables = buildableTables(snapshot, role, tables, buildableRemotes, relay);
        try {
            return build(snapshot, role, buildableTables, buildableRemotes, relay);
        } catch (RuntimeException e) {
            LOG.error("the GraphQL schema of role {} failed to build from the objects that build alone; "
                    + "serving an empty schema", role, e);
            return build(snapshot, role, Map.of(), Map.of(), relay);
        }
    }

    private RoleSchema build(Snapshot snapshot, String role, Map<String, Map<TableName, TableInfo>> tables,
                             Map<String, RemoteSchemaState.Ready> candidates, boolean relay) {
        java.util.Set<String> tableTypes = databaseTypeNames(tables);
        Map<String, RemoteSchemaState.Ready> remotes = RemoteRoots.usable(candidates, tableTypes);
        TypeSet types = new TypeSet();
        Map<String, RootField> queryRoots = new LinkedHashMap<>();
        Map<String, RootField> mutationRoots = new LinkedHashMap<>();
        List<GraphQLFieldDefinition> queryFields = new ArrayList<>();
        List<GraphQLFieldDefinition> mutationFields = new ArrayList<>();
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry();
        if (relay) {
            RelayTypes.addShared(types, registry);
            RelayTypes.addNodeRoot(queryRoots, queryFields);
        }
        SourceRoots functions = (source, byName, t, q, qf, m, mf) -> FunctionRoots.add(snapshot, snapshot.sources().get(source),
                role, inferFunctionPermissions, relay, byName, t, q, qf, m, mf);
        addTables(tables, remotes, types, queryRoots, queryFields, mutationRoots, mutationFields, relay, functions);
        Map<String, Map<String, junction.metadata.resolve.ResolvedRemoteSchemaRelationship>> remoteTypeRelationships = relay ? Map.of()
                : RemoteSchemaRelationshipFields.add(snapshot, remotes, tables, types);
        RemoteRoots.add(remotes, types, registry, queryRoots, queryFields, mutationRoots, mutationFields);
        GraphQLSchema schema = schema(types, registry, queryFields, mutationFields);
        java.util.Set<String> unreachable = unreachableTableTypes(schema, tableTypes);
        if (!unreachable.isEmpty()) {
            types.removeAll(unreachable);
            schema = schema(types, GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry()), queryFields, mutationFields);
        }
        return new RoleSchema(role, snapshot.resourceVersion(), schema, introspection(schema), queryRoots,
                mutationRoots, tables, remotes, relay, remoteTypeRelationships);
    }

    /**
     * The tables whose part of the schema builds on its own, beside the remote schemas (for their
     * remote relationships); relationships among the tables kept.
     */
    private Map<String, Map<TableName, TableInfo>> buildableTables(Snapshot snapshot, String role,
                                                                   Map<String, Map<TableName, TableInfo>> tables,
                                                                   Map<String, RemoteSchemaState.Ready> remotes,
                                                                   boolean relay) {
        Map<String, Map<TableName, TableInfo>> out = new LinkedHashMap<>();
        tables.forEach((source, byName) -> {
            Map<TableName, TableInfo> kept = new LinkedHashMap<>();
            byName.forEach((name, info) -> {
                TableInfo alone = info.relatedOnlyTo(java.util.Set.of(name));
                try {
                    build(snapshot, role, Map.of(source, Map.of(name, alone)), remotes, relay);
                    kept.put(name, info);
                } catch (RuntimeException e) {
                    LOG.error("table {} of source {} is left out of the GraphQL schema of role {}: {}", name, source,
                            role, e.getMessage());
                }
            });
            kept.replaceAll((name, info) -> info.relatedOnlyTo(kept.keySet()));
            out.put(source, kept);
        });
        return out;
    }

    /** The remote schemas that build on their own. */
    private Map<String, RemoteSchemaState.Ready> buildableRemotes(Snapshot snapshot, String role,
                                                                  Map<String, RemoteSchemaState.Ready> remotes,
                                                                  boolean relay) {
        Map<String, RemoteSchemaState.Ready> out = new LinkedHashMap<>();
        remotes.forEach((name, remote) -> {
            try {
                build(snapshot, role, Map.of(), Map.of(name, remote), relay);
                out.put(name, remote);
            } catch (RuntimeException e) {
                LOG.error("remote schema {} is left out of the GraphQL schema of role {}: {}", name, role, e.getMessage());
            }
        });
        return out;
    }

    private static void addTables(Map<String, Map<TableName, TableInfo>> tables, Map<String, RemoteSchemaState.Ready> remotes,
                                  TypeSet types, Map<String, RootField> queryRoots, List<GraphQLFieldDefinition> queryFields,
                                  Map<String, RootField> mutationRoots, List<GraphQLFieldDefinition> mutationFields,
                                  boolean relay, SourceRoots functions) {
        tables.forEach((source, byName) -> {
            Function<TableName, TableInfo> lookup = byName::get;
            Map<String, RootField> sourceQueries = new LinkedHashMap<>();
            List<GraphQLFieldDefinition> sourceQueryFields = new ArrayList<>();
            Map<String, RootField> sourceMutations = new LinkedHashMap<>();
            List<GraphQLFieldDefinition> sourceMutationFields = new ArrayList<>();
            for (TableInfo table : byName.values()) {
                if (table.selectable()) {
                    TableTypes.add(types, table, lookup, remotes, relay);
                    FilterTypes.addBoolExp(types, table, lookup);
                    OrderTypes.addOrderBy(types, table, lookup);
                    if (table.aggregatable()) {
                        AggregateTypes.add(types, table);
                    }
                    if (!relay) {
                        addQueryRoots(table, sourceQueries, sourceQueryFields);
                    } else if (RelayTypes.isNode(table)) {
                        RelayTypes.addConnection(types, table);
                        if (table.hasQueryRoot("select")) {
                            RelayTypes.addConnectionRoot(table, sourceQueries, sourceQueryFields);
                        }
                    }
                }
                MutationTypes.add(types, table, lookup, sourceMutations, sourceMutationFields);
            }
            functions.add(source, byName, types, sourceQueries, sourceQueryFields, sourceMutations, sourceMutationFields);
            Naming naming = byName.values().stream().findFirst().map(TableInfo::naming).orElse(Naming.DEFAULT);
            Namespaces.add(naming, "_query", types, sourceQueries, sourceQueryFields, queryRoots, queryFields);
            Namespaces.add(naming, "_mutation_frontend", types, sourceMutations, sourceMutationFields, mutationRoots,
                    mutationFields);
        });
    }

    /** Root fields a source adds beside its tables' (its tracked functions), inside its root field namespace if any. */
    @FunctionalInterface
    private interface SourceRoots {
        SourceRoots NONE = (source, byName, types, queries, queryFields, mutations, mutationFields) -> { };

        void add(String source, Map<TableName, TableInfo> byName, TypeSet types, Map<String, RootField> queries,
                 List<GraphQLFieldDefinition> queryFields, Map<String, RootField> mutations,
                 List<GraphQLFieldDefinition> mutationFields);
    }

    /**
     * The types generated for the tables that no root field leads to: a table the role may select
     * but reach by no root field ({@code query_root_fields}) or relationship, an aggregate type
     * nothing aggregates. Hasura does not show them; admin has none.
     */
    private static java.util.Set<String> unreachableTableTypes(GraphQLSchema schema, java.util.Set<String> tableTypes) {
        java.util.Set<String> names = new HashSet<>(tableTypes);
        names.removeAll(ReachableTypes.of(schema));
        names.removeAll(java.util.Set.of(RoleSchema.QUERY_ROOT, RoleSchema.MUTATION_ROOT, "Int", "String", "Boolean", "Float"));
        return names;
    }

    /** The names of the types the tables alone generate (a remote may not redefine them). */
    private static java.util.Set<String> databaseTypeNames(Map<String, Map<TableName, TableInfo>> tables) {
        TypeSet types = new TypeSet();
        addTables(tables, Map.of(), types, new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(),
                false, SourceRoots.NONE);
        java.util.Set<String> names = new java.util.HashSet<>();
        types.all().forEach(t -> names.add(t.getName()));
        names.add(RoleSchema.QUERY_ROOT);
        names.add(RoleSchema.MUTATION_ROOT);
        return names;
    }

    private static Map<String, Map<TableName, TableInfo>> tables(Snapshot snapshot, String role, boolean backendOnly) {
        Map<String, Map<TableName, TableInfo>> out = new LinkedHashMap<>();
        HashSet<String> typeNames = new HashSet<>();
        for (SourceSnapshot source : snapshot.sources().values()) {
            Map<TableName, TableInfo> byName = new LinkedHashMap<>();
            for (TrackedTable tracked : source.tables().values()) {
                TableInfo info = TableInfo.of(source.name(), tracked, role, backendOnly, source.naming());
                boolean seen = info.selectable() || !info.permissions().isEmpty();
                if (seen && TableInfo.isGraphqlName(info.typeName()) && typeNames.add(info.typeName())) {
                    byName.put(tracked.name(), info);
                }
            }
            // A relationship exists for the role only when it can select the target table.
            java.util.Set<TableName> selectable = new HashSet<>();
            byName.forEach((name, info) -> {
                if (info.selectable()) {
                    selectable.add(name);
                }
            });
            byName.replaceAll((name, info) -> info.relatedOnlyTo(info.selectable() ? selectable : java.util.Set.of()));
            out.put(source.name(), byName);
        }
        return out;
    }

    private static void addQueryRoots(TableInfo table, Map<String, RootField> roots, List<GraphQLFieldDefinition> fields) {
        Naming naming = table.naming();
        String base = table.typeName();
        String quoted = "\"" + table.name().name() + "\"";
        if (table.hasQueryRoot("select")) {
            String select = naming.rootField(table.tracked(), "select");
            roots.put(select, new RootField.Table(RootField.Kind.SELECT, table));
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(select).type(nonNullListOfNonNull(base))
                    .description("fetch data from the table: " + quoted).arguments(TableTypes.listArguments(table)).build());
        }
        if (table.aggregatable() && table.hasQueryRoot("select_aggregate")) {
            String aggregate = naming.rootField(table.tracked(), "select_aggregate");
            roots.put(aggregate, new RootField.Table(RootField.Kind.SELECT_AGGREGATE, table));
            fields.add(GraphQLFieldDefinition.newFieldDefinition().name(aggregate).type(nonNull(table.type("_aggregate")))
                    .description("fetch aggregated fields from the table: " + quoted)
                    .arguments(TableTypes.listArguments(table)).build());
        }
        List<Column> pk = table.primaryKey();
        if (pk.isEmpty() || !table.hasQueryRoot("select_by_pk")) {
            return;
        }
        String byPk = naming.rootField(table.tracked(), "select_by_pk");
        roots.put(byPk, new RootField.Table(RootField.Kind.SELECT_BY_PK, table));
        fields.add(GraphQLFieldDefinition.newFieldDefinition().name(byPk).type(ref(base))
                .description("fetch data from the table: " + quoted + " using primary key columns")
                .arguments(pkArguments(table)).build());
    }

    static List<GraphQLArgument> pkArguments(TableInfo table) {
        List<GraphQLArgument> args = new ArrayList<>();
        for (Column column : table.primaryKey()) {
            args.add(argument(table.fieldOf(column),
                    (graphql.schema.GraphQLInputType) TypeSet.columnValue(ColumnTypes.name(table, column), column, true), null));
        }
        args.sort(Comparator.comparing(GraphQLArgument::getName));
        return args;
    }

    private static GraphQLSchema schema(TypeSet types, GraphQLCodeRegistry.Builder registry,
                                        List<GraphQLFieldDefinition> queryFields, List<GraphQLFieldDefinition> mutationFields) {
        if (queryFields.isEmpty()) {
            queryFields.add(field("no_queries_available", nonNull("String"), null));
        }
        queryFields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
        GraphQLObjectType query = GraphQLObjectType.newObject().name(RoleSchema.QUERY_ROOT).fields(queryFields).build();
        GraphQLObjectType mutation = null;
        if (!mutationFields.isEmpty()) {
            mutationFields.sort(Comparator.comparing(GraphQLFieldDefinition::getName));
            mutation = GraphQLObjectType.newObject().name(RoleSchema.MUTATION_ROOT).fields(mutationFields).build();
        }
        return new GraphQLSchema.FastBuilder(registry, query, mutation, null).addTypes(types.closed())
                .withValidation(VALIDATE).build();
    }

    /** graphql-java over this schema, for introspection only; the document comes already validated. */
    private static GraphQL introspection(GraphQLSchema schema) {
        return GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider((input, parse) -> CompletableFuture.completedFuture(
                        new PreparsedDocumentEntry((Document) input.getGraphQLContext().get(DOCUMENT))))
                .build();
    }
}
