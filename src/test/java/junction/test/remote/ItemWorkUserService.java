package junction.test.remote;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.example.UsersService;

/**
 * The benchmark's user service (bench/run-join-batch.sh): the schema of {@link UsersService}, whose
 * {@code user(id:)} and {@code users(ids:)} do the same work per user — a map lookup, plus
 * {@code work-µs} of CPU spent per user looked up (a stand-in for the database lookup a real service
 * makes) — so that one {@code users(ids: [...])} call and 100 aliased {@code user(id:)} fields
 * differ only in what GraphQL costs per field. {@code GET /count} answers the requests served.
 *
 * <pre>ItemWorkUserService &lt;port&gt; [users] [work-µs]</pre>
 */
public final class ItemWorkUserService {
    private final Map<Integer, Map<String, Object>> users = new java.util.HashMap<>();
    private final long workNanos;

    private ItemWorkUserService(int count, long workMicros) {
        for (int id = 1; id <= count; id++) {
            users.put(id, Map.of("id", id, "name", "user" + id, "email", "user" + id + "@example.com"));
        }
        this.workNanos = workMicros * 1000;
    }

    private Object lookUp(Integer id) {
        if (workNanos > 0) {
            long until = System.nanoTime() + workNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        return users.get(id);
    }

    private List<Object> lookUpAll(List<Integer> ids) {
        List<Object> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(lookUp(id)));
        return out;
    }

    private GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("user", env -> lookUp(env.getArgument("id")))
                        .dataFetcher("users", env -> lookUpAll(env.getArgument("ids"))))
                .type("Mutation", t -> t.dataFetcher("createUser", env -> null))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(UsersService.SDL), wiring);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ItemWorkUserService <port> [users] [work-µs]");
            System.exit(2);
        }
        ItemWorkUserService service = new ItemWorkUserService(args.length >= 2 ? Integer.parseInt(args[1]) : 10_000,
                args.length == 3 ? Long.parseLong(args[2]) : 0);
        GraphqlTestServer server = new GraphqlTestServer(service.schema(), "127.0.0.1", Integer.parseInt(args[0])).recording(0);
        System.out.println("user service at " + server.url());
        Thread.currentThread().join();
    }
}
