package junction.metadata.resolve;

import graphql.schema.GraphQLSchema;
import java.util.Optional;

/** The introspected (un-customized) schema of a consistent remote schema, by name. */
@FunctionalInterface
public interface RemoteSchemaLookup {
    Optional<GraphQLSchema> schema(String remoteSchemaName);
}
