package junction.schema;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.ResolvedRemoteSchemaRelationship;
import junction.remote.RemoteSchemaState;

/**
 * One role's GraphQL schema, built on the role's first request and kept while what it is built from
 * is unchanged ({@link SchemaCache}; {@code resourceVersion} is the version it was first built at): graphql-java's schema (for
 * validation and introspection) and what the planner needs to map GraphQL names back to tables.
 * Immutable.
 *
 * @param queryRoots    {@code query_root} field name → what it reads
 * @param mutationRoots {@code mutation_root} field name → what it writes
 * @param tables        every table this role can see, by source and table name
 * @param remotes       the remote schemas this role can use (root fields, relationships), by name
 * @param relay         whether this is the role's Relay schema ({@code /v1beta1/relay}): table types
 *                      implement {@code Node}, lists are connections, no remote schemas
 * @param remoteTypeRelationships the relationships of remote schemas' types this role sees: by the type's
 *                                name in this schema, then by field name
 */
public record RoleSchema(String role, long resourceVersion, GraphQLSchema graphql, GraphQL introspection,
                         Map<String, RootField> queryRoots, Map<String, RootField> mutationRoots,
                         Map<String, Map<TableName, TableInfo>> tables, Map<String, RemoteSchemaState.Ready> remotes,
                         boolean relay, Map<String, Map<String, ResolvedRemoteSchemaRelationship>> remoteTypeRelationships) {
    public static final String QUERY_ROOT = "query_root";
    public static final String MUTATION_ROOT = "mutation_root";

    /** A schema of {@code /v1/graphql}. */
    public RoleSchema(String role, long resourceVersion, GraphQLSchema graphql, GraphQL introspection,
                      Map<String, RootField> queryRoots, Map<String, RootField> mutationRoots,
                      Map<String, Map<TableName, TableInfo>> tables, Map<String, RemoteSchemaState.Ready> remotes) {
        this(role, resourceVersion, graphql, introspection, queryRoots, mutationRoots, tables, remotes, false, Map.of());
    }

    public RoleSchema {
        queryRoots = Collections.unmodifiableMap(new LinkedHashMap<>(queryRoots));
        mutationRoots = Collections.unmodifiableMap(new LinkedHashMap<>(mutationRoots));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
        remoteTypeRelationships = Collections.unmodifiableMap(new LinkedHashMap<>(remoteTypeRelationships));
    }

    /** The relationship {@code field} of the remote type named {@code typeName} in this schema, if the role sees it. */
    public Optional<ResolvedRemoteSchemaRelationship> remoteTypeRelationship(String typeName, String field) {
        return Optional.ofNullable(remoteTypeRelationships.getOrDefault(typeName, Map.of()).get(field));
    }

    /** A remote schema this role may use, by name. */
    public Optional<RemoteSchemaState.Ready> remote(String name) {
        return Optional.ofNullable(remotes.get(name));
    }

    public Optional<RootField> queryRoot(String fieldName) {
        return Optional.ofNullable(queryRoots.get(fieldName));
    }

    public Optional<RootField> mutationRoot(String fieldName) {
        return Optional.ofNullable(mutationRoots.get(fieldName));
    }

    /** A table of a source; the schema was built from it, so a miss is a bug, not a user error. */
    public TableInfo table(String source, TableName name) {
        TableInfo info = tables.getOrDefault(source, Map.of()).get(name);
        if (info == null) {
            throw ApiException.of(Code.UNEXPECTED, "table " + name + " of source " + source + " is not in the schema");
        }
        return info;
    }

    public Optional<TableInfo> findTable(String source, TableName name) {
        return Optional.ofNullable(tables.getOrDefault(source, Map.of()).get(name));
    }
}
