package junction.example;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example remote GraphQL service of the README ({@code junction example users-service}):
 * {@code user(id)}, {@code users(ids)} and the mutation {@code createUser(name)}, over users 1..N
 * named {@code user1}… with emails {@code user1@example.com}…, kept in memory.
 */
public final class UsersService {
    public static final String SDL = """
        "A person known to the user service"
        type User {
          id: Int!
          "Display name"
          name: String
          email: String
        }
        type Query {
          "One user by id, or null"
          user(id: Int!): User
          users(ids: [Int!]): [User]
        }
        type Mutation {
          createUser(name: String!): User
        }
        """;

    private final Map<Integer, Map<String, Object>> users = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();

    private UsersService(int count) {
        for (int i = 1; i <= count; i++) {
            add("user" + i);
        }
    }

    /** The executable schema of a fresh service with users 1..count. */
    public static GraphQLSchema schema(int count) {
        return new UsersService(count).schema();
    }

    private Map<String, Object> add(String name) {
        int id = nextId.incrementAndGet();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("name", name);
        user.put("email", name + "@example.com");
        users.put(id, user);
        return user;
    }

    private List<Object> list(List<Integer> ids) {
        if (ids == null) {
            return users.values().stream()
                    .sorted((a, b) -> (Integer) a.get("id") - (Integer) b.get("id"))
                    .map(u -> (Object) u).toList();
        }
        List<Object> out = new ArrayList<>();
        ids.forEach(id -> out.add(users.get(id)));
        return out;
    }

    private GraphQLSchema schema() {
        DataFetcher<Object> user = env -> users.get((Integer) env.getArgument("id"));
        DataFetcher<Object> list = env -> list(env.getArgument("ids"));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("user", user).dataFetcher("users", list))
                .type("Mutation", t -> t.dataFetcher("createUser", env -> add(env.getArgument("name"))))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}
