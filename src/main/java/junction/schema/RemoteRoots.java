package junction.schema;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import java.util.List;
import java.util.Map;
import junction.metadata.resolve.Snapshot;
import junction.remote.CustomizedSchema;
import junction.remote.RemoteSchemaState;

/**
 * Merges the consistent remote schemas into a role's schema: their (customized) types as
 * additional types, their query and mutation root fields (or namespace fields) into
 * {@code query_root} and {@code mutation_root}, and their type resolvers into the code registry.
 */
final class RemoteRoots {
    private RemoteRoots() {
    }

    static void add(Snapshot snapshot, TypeSet types, GraphQLCodeRegistry.Builder registry,
                    Map<String, RootField> queryRoots, List<GraphQLFieldDefinition> queryFields,
                    Map<String, RootField> mutationRoots, List<GraphQLFieldDefinition> mutationFields) {
        for (Map.Entry<String, RemoteSchemaState.Ready> remote : snapshot.consistentRemoteSchemas().entrySet()) {
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
