package junction.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --database-name} / {@code --all-databases} of the migrate commands, as Hasura's CLI has them. */
final class DatabaseChoice {
    @Option(names = "--database-name", description = "The database. Default: default.")
    String name = "default";

    @Option(names = "--all-databases", description = "Every database of the server (each its migrations/<db> directory).")
    boolean all;

    /** The databases the command works on: every database of the server, else the one named. */
    List<String> chosen(AdminCalls calls) {
        return all ? ServerDatabases.names(calls) : List.of(name);
    }
}
