package junction.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate squash --from V [--to V2] [--name N] [--delete-source]}, as Hasura's CLI does it:
 * the migrations from V to V2 (default: the last) become one, {@code <V2>_<N>}, whose up.sql is
 * their up.sql in order and whose down.sql is their down.sql in reverse order (each after a
 * newline). It keeps V2's version, so where V2 was applied the squashed migration is too. The
 * sources move to {@code squashed_<V>_to_<V2>/} (not a migration directory: ignored); with
 * {@code --delete-source} that directory is deleted and the server forgets the squashed versions
 * but V2. The migrations squashed must all be applied or all not.
 */
@Command(name = "squash", mixinStandardHelpOptions = true, description = "Squash several migrations into one.")
final class MigrateSquashCommand extends ProjectCommand {
    @Option(names = "--from", required = true, description = "Squash from this version on.")
    long from;

    @Option(names = "--to", description = "Squash up to this version. Default: the last.")
    Long to;

    @Option(names = "--name", description = "The name of the new migration. Default: ${DEFAULT-VALUE}")
    String name = "squashed";

    @Option(names = "--delete-source", description = "Delete the squashed migrations' files and their state on the server.")
    boolean deleteSource;

    @Option(names = "--database-name", description = "The database. Default: default.")
    String database = "default";

    @Override
    protected void run(Project project) {
        MigrationDirectory directory = MigrationDirectory.of(project, database);
        List<Migration> local = directory.migrations();
        find(local, from, "from");
        long last = to != null ? to : local.get(local.size() - 1).version();
        if (to != null) {
            if (from > to) {
                throw new CliException("cannot squash from " + from + " to " + to + ": " + from + " (from) should be less than " + to + " (to)");
            }
            find(local, to, "to");
        }
        List<Migration> squashed = local.stream().filter(m -> m.version() >= from && m.version() <= last).toList();
        MigrationState state = new MigrationState(project.client());
        Map<Long, Boolean> applied = state.applied(database);
        for (Migration m : squashed) {
            if (applied.containsKey(m.version()) != applied.containsKey(from)) {
                throw new CliException("migrations are out of sync: all migrations selected to squash should be applied or all should be unapplied; "
                        + "found first mismatch at " + m.version() + ". Use `junction migrate status` to inspect");
            }
        }
        String up = concatenate(squashed, true);
        String down = concatenate(squashed.reversed(), false);
        Path sources = directory.directory().resolve("squashed_" + from + "_to_" + last);
        move(squashed, sources);
        Migration created = directory.create(name, last, up, down);
        out().println("Created '" + created.label() + "' after squashing '" + from + "' till '" + last + "'");
        if (deleteSource) {
            MigrateCommand.deleteDirectory(sources);
            state.forget(database, squashed.stream().map(Migration::version).filter(v -> v != last && applied.containsKey(v)).toList());
            out().println("Deleted the " + squashed.size() + " squashed migrations");
        } else {
            out().println("The squashed migrations were moved to " + project.directory().relativize(sources));
        }
    }

    private void find(List<Migration> local, long version, String flag) {
        if (local.stream().noneMatch(m -> m.version() == version)) {
            throw new CliException("validating '" + flag + "' migration failed: no migration of version " + version + " in migrations/" + database);
        }
    }

    /** Each file's SQL after a newline, as Hasura's CLI joins them; a migration without the file adds nothing. */
    private static String concatenate(List<Migration> migrations, boolean upward) {
        StringBuilder sql = new StringBuilder();
        for (Migration m : migrations) {
            Optional<Path> file = m.file(upward);
            file.ifPresent(f -> sql.append('\n').append(MigrationDirectory.read(f)));
        }
        return sql.toString();
    }

    private static void move(List<Migration> squashed, Path target) {
        try {
            Files.createDirectories(target);
            for (Migration m : squashed) {
                Files.move(m.directory(), target.resolve(m.label()));
            }
        } catch (IOException e) {
            throw new CliException("cannot move the squashed migrations to " + target + ": " + e.getMessage());
        }
    }
}
