package junction.metadata.resolve;

import graphql.schema.GraphQLSchema;
import java.util.Optional;

/** The introspected (un-customized) schema of a consistent remote schema, by name. */
@FunctionalInterface
public interface RemoteSchemaLookup {
    RemoteSchemaLookup NONE = name -> Optional.empty();

    Optional<GraphQLSchema> schema(String remoteSchemaName);
}
