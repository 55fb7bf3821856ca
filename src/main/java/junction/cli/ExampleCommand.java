package junction.cli;

import java.util.concurrent.Callable;
import junction.example.ExampleServer;
import junction.example.UsersService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code junction example …}: example services the README's walk-throughs use, started from the jar. */
@Command(name = "example", mixinStandardHelpOptions = true, description = "Run an example service for the README's walk-throughs.",
        subcommands = {ExampleCommand.UsersServiceCommand.class})
public final class ExampleCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code junction example users-service}: a remote GraphQL service with users 1..N, until stopped. */
    @Command(name = "users-service", mixinStandardHelpOptions = true,
            description = "A GraphQL service with user(id: Int!), users(ids: [Int!]) and createUser(name: String!) over users 1..N, at /graphql.")
    static final class UsersServiceCommand implements Callable<Integer> {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on. Default: ${DEFAULT-VALUE}")
        String host;

        @Option(names = "--port", defaultValue = "4000", description = "Port to listen on. Default: ${DEFAULT-VALUE}")
        int port;

        @Option(names = "--users", defaultValue = "100", description = "How many users it starts with. Default: ${DEFAULT-VALUE}")
        int users;

        @Override
        public Integer call() throws Exception {
            try (ExampleServer server = ExampleServer.start(UsersService.schema(users), host, port)) {
                System.out.println("users service at " + server.url() + " (users 1.." + users + "); stop with Ctrl-C");
                Thread.currentThread().join();
            } catch (java.io.IOException e) {
                System.err.println("junction: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
                return 1;
            }
            return 0;
        }
    }
}
