package junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import junction.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code junction migrate …}: Hasura CLI's migrations over {@code migrations/<db>/<version>_<name>/
 * {up,down}.sql}, each run through {@code run_sql}, the applied versions kept where Hasura's CLI
 * keeps them ({@link MigrationState}) so a project moves between the two CLIs.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Manage a Hasura project's database migrations.",
        subcommands = {MigrateCommand.Create.class, MigrateApplyCommand.class, MigrateCommand.Status.class,
                MigrateCommand.Delete.class, MigrateSquashCommand.class})
public final class MigrateCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * {@code migrate create NAME}: a new migration directory with its up.sql and down.sql — given
     * ({@code --up-sql}, {@code --down-sql}, {@code --sql-from-file}), or with {@code --from-server}
     * the schema of the database's {@code --schema}s (default public) as {@code pg_dump} writes it
     * through the engine's {@code /v1alpha1/pg_dump}, as up.sql only (Hasura's CLI writes no down.sql then).
     */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create up.sql and down.sql of a new migration.")
    static final class Create extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The migration's name.")
        String name;

        @Option(names = "--up-sql", description = "The SQL of up.sql (default: empty).")
        String upSql = "";

        @Option(names = "--down-sql", description = "The SQL of down.sql (default: empty).")
        String downSql = "";

        @Option(names = "--sql-from-file", description = "A file whose SQL becomes up.sql.")
        java.nio.file.Path sqlFile;

        @Option(names = {"--from-server", "--sql-from-server"}, description = "up.sql from the server: the schema-only pg_dump of --schema.")
        boolean fromServer;

        @Option(names = "--schema", description = "A schema to dump with --from-server; repeatable. Default: public.")
        List<String> schemas = new ArrayList<>();

        @Option(names = "--database-name", description = "The database the migration is for. Default: default.")
        String database = "default";

        @Option(names = {"-o", "--output"}, description = "json: print {\"version\": …} only.")
        String output;

        @Override
        protected void run(Project project) {
            if (fromServer && sqlFile != null) {
                throw new CliException("only one of --from-server and --sql-from-file can be given");
            }
            String up = fromServer ? schemaDump(project) : sqlFile != null ? MigrationDirectory.read(sqlFile) : upSql;
            String down = fromServer ? null : downSql;
            Migration created = MigrationDirectory.of(project, database).create(name, System.currentTimeMillis(), up, down);
            if ("json".equals(output)) {
                out().println(Json.write(Json.NODES.objectNode().put("version", created.version())));
            } else {
                out().println("Migration created: " + project.directory().relativize(created.directory()) + " (version " + created.version() + ")");
            }
        }

        /** Hasura CLI's options: no owners, no privileges, the schema only, of each schema. */
        private String schemaDump(Project project) {
            List<String> opts = new ArrayList<>(List.of("-O", "-x", "--schema-only"));
            (schemas.isEmpty() ? List.of("public") : schemas).forEach(s -> opts.addAll(List.of("--schema", s)));
            return project.client().pgDump(database, opts);
        }
    }

    /** {@code migrate status}: every version, present locally or not, applied on the server or not. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show which migrations are present locally and applied on the server.")
    static final class Status extends ProjectCommand {
        @Mixin
        DatabaseChoice databases;

        @Option(names = {"-o", "--output"}, description = "json: a list of {version, name, source_status, database_status}.")
        String output;

        @Override
        protected void run(Project project) {
            AdminClient client = project.client();
            ObjectNode json = Json.NODES.objectNode();
            for (String db : databases.chosen(client)) {
                List<String[]> rows = rows(project, client, db);
                if ("json".equals(output)) {
                    json.set(db, json(rows));
                    continue;
                }
                out().println("Database: " + db);
                rows.add(0, new String[] {"VERSION", "NAME", "SOURCE STATUS", "DATABASE STATUS"});
                out().print(table(rows));
            }
            if ("json".equals(output)) {
                out().println(Json.write(databases.all ? json : json.get(databases.name)));
            }
        }

        private static List<String[]> rows(Project project, AdminCalls client, String db) {
            List<Migration> local = MigrationDirectory.of(project, db).migrations();
            Map<Long, Boolean> applied = new MigrationState(client).applied(db);
            Set<Long> versions = new TreeSet<>(applied.keySet());
            local.forEach(m -> versions.add(m.version()));
            List<String[]> rows = new ArrayList<>();
            for (long version : versions) {
                String name = local.stream().filter(m -> m.version() == version).map(Migration::name).findFirst().orElse("");
                boolean present = local.stream().anyMatch(m -> m.version() == version);
                rows.add(new String[] {Long.toString(version), name, present ? "Present" : "Not Present",
                        applied.containsKey(version) ? "Present" : "Not Present"});
            }
            return rows;
        }

        private static ArrayNode json(List<String[]> rows) {
            ArrayNode list = Json.NODES.arrayNode();
            for (String[] row : rows) {
                ObjectNode o = list.addObject();
                o.put("version", Long.parseLong(row[0]));
                o.put("name", row[1]);
                o.put("source_status", row[2]);
                o.put("database_status", row[3]);
            }
            return list;
        }

        /** Columns padded two spaces past their widest cell, as Hasura's CLI prints them. */
        static String table(List<String[]> rows) {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    text.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    /** {@code migrate delete}: forgets migrations on the server and deletes their directories (not with --server). */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete migrations: their directories and their applied state on the server (--server: the state only).")
    static final class Delete extends ProjectCommand {
        @Option(names = "--version", description = "The migration version to delete.")
        Long version;

        @Option(names = "--all", description = "Delete every migration.")
        boolean all;

        @Option(names = "--server", description = "Only forget the applied state on the server; keep the files.")
        boolean server;

        @Option(names = "--force", description = "Accepted for Hasura CLI compatibility (no prompt is ever shown).")
        boolean force;

        @Mixin
        DatabaseChoice databases;

        @Override
        protected void run(Project project) {
            if (all == (version != null)) {
                throw new CliException("give exactly one of --version and --all");
            }
            AdminClient client = project.client();
            for (String db : databases.chosen(client)) {
                delete(project, client, db);
            }
        }

        private void delete(Project project, AdminCalls client, String db) {
            MigrationDirectory directory = MigrationDirectory.of(project, db);
            MigrationState state = new MigrationState(client);
            Map<Long, Boolean> applied = state.applied(db);
            Set<Long> versions = new TreeSet<>();
            if (all) {
                versions.addAll(applied.keySet());
                directory.migrations().forEach(m -> versions.add(m.version()));
            } else if (applied.containsKey(version) || directory.migrations().stream().anyMatch(m -> m.version() == version)) {
                versions.add(version);
            } else if (!databases.all) {
                throw new CliException("version " + version + " not found in migrations/" + db + " nor on the server");
            }
            state.forget(db, versions.stream().filter(applied::containsKey).toList());
            for (long v : versions) {
                if (!server) {
                    directory.migrations().stream().filter(m -> m.version() == v).findFirst()
                            .ifPresent(MigrateCommand::deleteDirectory);
                }
                out().println("Deleted migration " + v + (databases.all ? " of database " + db : ""));
            }
        }
    }

    static void deleteDirectory(Migration migration) {
        deleteDirectory(migration.directory());
    }

    static void deleteDirectory(java.nio.file.Path directory) {
        try (var files = java.nio.file.Files.walk(directory)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new CliException("cannot delete " + directory + ": " + e.getMessage());
        }
    }
}
