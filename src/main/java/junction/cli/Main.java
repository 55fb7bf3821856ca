package junction.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code junction}: the command line. Only wires; every command lives in its own class. */
@Command(name = "junction", mixinStandardHelpOptions = true, version = "junction 0.1.0",
        description = "A GraphQL engine for PostgreSQL and remote GraphQL schemas, compatible with Hasura v2.",
        subcommands = {ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
