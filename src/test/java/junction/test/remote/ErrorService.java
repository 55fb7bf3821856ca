package junction.test.remote;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;

/**
 * A remote that fails: {@code fail} errors with data {@code {"fail": null}}; {@code item} answers
 * data and an error for its {@code broken} field; {@code required} is non-null and errors, so the
 * whole data is {@code null}; {@code ok} works.
 */
public final class ErrorService {
    public static final String SDL = """
        type Item {
          id: Int
          name: String
          broken: String
        }
        type Query {
          ok: String
          fail: String
          item: Item
          required: String!
        }
        """;

    private ErrorService() {
    }

    public static GraphqlTestServer start() {
        return new GraphqlTestServer(schema());
    }

    static GraphQLSchema schema() {
        DataFetcher<Object> failing = env -> {
            throw GraphqlErrorException.newErrorException().message("the remote failed on purpose")
                    .extensions(Map.of("code", "remote-failure")).build();
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("ok", env -> "fine")
                        .dataFetcher("fail", failing)
                        .dataFetcher("item", env -> Map.of("id", 1, "name", "thing"))
                        .dataFetcher("required", failing))
                .type("Item", t -> t.dataFetcher("broken", failing))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}
