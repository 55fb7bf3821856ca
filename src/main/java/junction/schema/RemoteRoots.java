package junction.schema;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteSchemaState;

/**
 * Merges the consistent remote schemas into a role's schema: their (customized) types as
 * additional types, their query and mutation root fields (or namespace fields) into
 * {@code query_root} and {@code mutation_root}, and their type resolvers into the code registry.
 */
final class RemoteRoots {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteRoots.class);

    private RemoteRoots() {
    }

    /**
     * The remote schemas that can be merged: a remote whose types (after customization) reuse a
     * name the database's types or an earlier remote already took is left out, with a warning —
     * a clash must never break the schema of everything else. (Remote-to-remote clashes are also
     * reported as inconsistent metadata by the resolver.)
     */
    static Map<String, RemoteSchemaState.Ready> usable(Map<String, RemoteSchemaState.Ready> remotes, Set<String> taken) {
        Set<String> seen = new HashSet<>(taken);
        Map<String, RemoteSchemaState.Ready> out = new LinkedHashMap<>();
        remotes.forEach((name, remote) -> {
            List<String> clashes = remote.customized().types().stream().map(GraphQLNamedType::getName)
                    .filter(seen::contains).toList();
            if (!clashes.isEmpty()) {
                LOG.warn("remote schema {} is left out of the GraphQL schema: types {} have mismatch with current graphql schema",
                        name, clashes);
                return;
            }
            remote.customized().types().forEach(t -> seen.add(t.getName()));
            out.put(name, remote);
        });
        return out;
    }

    static void add(Map<String, RemoteSchemaState.Ready> remotes, TypeSet types, GraphQLCodeRegistry.Builder registry,
                    Map<String, RootField> queryRoots, List<GraphQLFieldDefinition> queryFields,
                    Map<String, RootField> mutationRoots, List<GraphQLFieldDefinition> mutationFields) {
        for (Map.Entry<String, RemoteSchemaState.Ready> remote : remotes.entrySet()) {
            CustomizedSchema customized = remote.getValue().customized();
            customized.types().forEach(types::add);
            registry.typeResolvers(customized.codeRegistry());
            for (GraphQLFieldDefinition field : customized.queryRootFields()) {
                queryRoots.putIfAbsent(field.getName(), new RootField.Remote(remote.getKey(), field.getName()));
                queryFields.add(field);
            }
            for (GraphQLFieldDefinition field : customized.mutationRootFields()) {
                mutationRoots.putIfAbsent(field.getName(), new RootField.Remote(remote.getKey(), field.getName()));
                mutationFields.add(field);
            }
        }
    }
}
