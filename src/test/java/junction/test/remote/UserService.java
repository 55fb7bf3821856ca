package junction.test.remote;

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
 * The user service of the remote-schema tests: {@code user(id)}, {@code users(ids)} and the
 * mutation {@code createUser(name)}, over users 1..N named {@code user1}… with emails
 * {@code user1@example.com}…. Each instance keeps its own users, so mutations do not leak between
 * test classes. {@code start(n)} runs it on a fresh port.
 */
public final class UserService {
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

    private UserService(int count) {
        for (int i = 1; i <= count; i++) {
            add("user" + i);
        }
    }

    /** A server with users 1..count. */
    public static GraphqlTestServer start(int count) {
        return new GraphqlTestServer(new UserService(count).schema());
    }

    /** The schema of a user service with users 1..count, to serve again after a test changed it. */
    public static GraphQLSchema schemaOf(int count) {
        return new UserService(count).schema();
    }

    public static GraphqlTestServer start() {
        return start(10);
    }

    /**
     * The user service on its own, for benchmarks: {@code UserService <port> [delay-ms]} serves
     * users 1..{@code users} (default 100) on {@code 127.0.0.1:<port>/graphql}, counting requests
     * without recording them (the count at {@code GET /count}), each answer after {@code delay-ms}
     * (default 0), until the process is stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: UserService <port> [delay-ms] [users]");
            System.exit(2);
        }
        int count = args.length == 3 ? Integer.parseInt(args[2]) : 100;
        GraphqlTestServer server = new GraphqlTestServer(new UserService(count).schema(), "127.0.0.1", Integer.parseInt(args[0]))
                .recording(0);
        if (args.length >= 2) {
            server.delay(java.time.Duration.ofMillis(Long.parseLong(args[1])));
        }
        System.out.println("user service at " + server.url());
        Thread.currentThread().join();
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

    private GraphQLSchema schema() {
        DataFetcher<Object> user = env -> users.get((Integer) env.getArgument("id"));
        DataFetcher<Object> list = env -> {
            List<Integer> ids = env.getArgument("ids");
            if (ids == null) {
                return users.values().stream().sorted((a, b) -> (Integer) a.get("id") - (Integer) b.get("id")).toList();
            }
            List<Object> out = new ArrayList<>();
            ids.forEach(id -> out.add(users.get(id)));
            return out;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("user", user).dataFetcher("users", list))
                .type("Mutation", t -> t.dataFetcher("createUser", env -> add(env.getArgument("name"))))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }
}
