package junction.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code junction}: the command line. Only wires; every command lives in its own class. */
@Command(name = "junction", mixinStandardHelpOptions = true, version = "junction 0.1.0",
        description = "A GraphQL engine for PostgreSQL and remote GraphQL schemas, compatible with Hasura v2.",
        subcommands = {ServeCommand.class, ExampleCommand.class, MetadataCommand.class, InitCommand.class,
                MigrateCommand.class, SeedCommand.class, DeployCommand.class})
public final class Main implements Runnable {
    private final Map<String, String> environment;

    Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The one place the process environment is read: once, here, and handed down as a value. */
    public static void main(String[] args) {
        // exit, not return: a thread a library left running must not keep a stopped engine's JVM alive
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line over a given environment: flags win over its variables, which win over defaults. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new Main(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setDefaultValueProvider(new EnvDefaults(environment))
                .setExecutionExceptionHandler(Main::failed);
    }

    /** A {@link CliException} is the user's message and exit code 1; anything else keeps picocli's report. */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof CliException cli) {
            commandLine.getErr().println("junction: " + cli.display());
            commandLine.getErr().flush();
            return 1;
        }
        if (e instanceof junction.project.ProjectException broken) {
            commandLine.getErr().println("junction: " + broken.getMessage());
            commandLine.getErr().flush();
            return 1;
        }
        throw e;
    }

    /** The environment metadata's {@code from_env} refers to. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
