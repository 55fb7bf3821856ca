package junction.test.remote;

import graphql.schema.GraphQLSchema;
import junction.example.UsersService;

/**
 * The user service of the remote-schema tests, the example service of the README
 * ({@link UsersService}): {@code user(id)}, {@code users(ids)} and the mutation
 * {@code createUser(name)}, over users 1..N named {@code user1}… with emails
 * {@code user1@example.com}…. Each instance keeps its own users, so mutations do not leak between
 * test classes. {@code start(n)} runs it on a fresh port.
 */
public final class UserService {
    public static final String SDL = UsersService.SDL;

    private UserService() {
    }

    /** A server with users 1..count. */
    public static GraphqlTestServer start(int count) {
        return new GraphqlTestServer(UsersService.schema(count));
    }

    /** The schema of a user service with users 1..count, to serve again after a test changed it. */
    public static GraphQLSchema schemaOf(int count) {
        return UsersService.schema(count);
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
        GraphqlTestServer server = new GraphqlTestServer(UsersService.schema(count), "127.0.0.1", Integer.parseInt(args[0]))
                .recording(0);
        if (args.length >= 2) {
            server.delay(java.time.Duration.ofMillis(Long.parseLong(args[1])));
        }
        System.out.println("user service at " + server.url());
        Thread.currentThread().join();
    }
}
