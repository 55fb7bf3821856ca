package junction.metadata.resolve;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import java.util.List;
import junction.metadata.model.RemoteJoinDefinition;

/**
 * A table → remote schema relationship checked against the remote's (un-customized) schema:
 * the field definition of every step of the path, the type of the last field, and the arguments of
 * the last field the join leaves open to the client (input objects fixed in part are replaced by
 * narrower input types that hold only the remaining fields), and the list field its {@code batch}
 * calls (null without {@code batch}).
 */
public record ResolvedRemoteRelationship(String name, RemoteJoinDefinition definition,
                                         List<GraphQLFieldDefinition> path, GraphQLOutputType type,
                                         List<GraphQLArgument> openArguments, GraphQLFieldDefinition batchField) {
    public ResolvedRemoteRelationship {
        path = List.copyOf(path);
        openArguments = List.copyOf(openArguments);
    }
}
