package junction.remote;

import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import junction.error.ApiException;
import junction.error.Code;

/** Builds a graphql-java schema from a remote's type definitions, for validation and introspection only. */
final class RemoteSchemaGenerator {
    private RemoteSchemaGenerator() {
    }

    static GraphQLSchema generate(Document document) {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            registry.merge(new graphql.schema.idl.SchemaParser().buildRegistry(document));
            return new SchemaGenerator().makeExecutableSchema(registry, RemoteWiring.WIRING);
        } catch (SchemaProblem e) {
            throw ApiException.of(Code.REMOTE_SCHEMA_ERROR, "the remote schema is not a valid GraphQL schema: "
                    + e.getErrors().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
        } catch (RuntimeException e) {
            throw ApiException.of(Code.REMOTE_SCHEMA_ERROR, "the remote schema is not a valid GraphQL schema: " + e.getMessage());
        }
    }
}
