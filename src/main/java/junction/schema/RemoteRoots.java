package junction.schema;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteSchemaState;

/**
 * Merges the consistent remote schemas into a role's schema: their (customized) types as
 * additional types (referring to each other by name, so a type two remotes share is merged once), their query and mutation root fields (or namespace fields) into
 * {@code query_root} and {@code mutation_root}, and their type resolvers into the code registry.
 */
final class RemoteRoots {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteRoots.class);

    private RemoteRoots() {
    }

    /**
     * The remote schemas that can be merged: a remote whose types (after customization) reuse a
     * name the database's types took, or an earlier remote's with another shape, is left out, with a
     * warning — a clash must never break the schema of everything else. (Remote-to-remote clashes
     * are also reported as inconsistent metadata by the resolver.) Types of equal shape are shared.
     */
    static Map<String, RemoteSchemaState.Ready> usable(Map<String, RemoteSchemaState.Ready> remotes, Set<String> taken) {
        Map<String, String> seen = new HashMap<>();
        Map<String, RemoteSchemaState.Ready> out = new LinkedHashMap<>();
        remotes.forEach((name, remote) -> {
            Map<String, String> shapes = remote.customized().shapes();
            List<String> clashes = new ArrayList<>(shapes.keySet().stream().filter(taken::contains).toList());
            clashes.addAll(CustomizedSchema.mismatches(shapes, seen));
            if (!clashes.isEmpty()) {
                LOG.warn("remote schema {} is left out of the GraphQL schema: types {} have mismatch with current graphql schema",
                        name, clashes);
                return;
            }
            shapes.forEach(seen::putIfAbsent);
            out.put(name, remote);
        });
        return out;
    }

    static void add(Map<String, RemoteSchemaState.Ready> remotes, TypeSet types, GraphQLCodeRegistry.Builder registry,
                    Map<String, RootField> queryRoots, List<GraphQLFieldDefinition> queryFields,
                    Map<String, RootField> mutationRoots, List<GraphQLFieldDefinition> mutationFields) {
        for (Map.Entry<String, RemoteSchemaState.Ready> remote : remotes.entrySet()) {
            CustomizedSchema customized = remote.getValue().customized();
            customized.types().forEach(t -> types.add(ByNameTypes.type(t)));
            registry.typeResolvers(customized.codeRegistry());
            for (GraphQLFieldDefinition field : customized.queryRootFields()) {
                queryRoots.putIfAbsent(field.getName(), new RootField.Remote(remote.getKey(), field.getName()));
                queryFields.add(ByNameTypes.field(field));
            }
            for (GraphQLFieldDefinition field : customized.mutationRootFields()) {
                mutationRoots.putIfAbsent(field.getName(), new RootField.Remote(remote.getKey(), field.getName()));
                mutationFields.add(ByNameTypes.field(field));
            }
        }
    }
}
