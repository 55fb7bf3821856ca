package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import junction.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code junction seed …}: Hasura CLI's seed data, {@code seeds/<db>/<timestamp>_<name>.sql}, run through {@code run_sql}. */
@Command(name = "seed", aliases = {"sd", "seeds"}, mixinStandardHelpOptions = true,
        description = "Manage a Hasura project's seed data.",
        subcommands = {SeedCommand.Create.class, SeedCommand.Apply.class})
public final class SeedCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * {@code seed create NAME [--from-table T]…}: a new seed file, empty or with the tables' rows as
     * {@code INSERT}s — written by {@code pg_dump --data-only --column-inserts} through the engine's
     * {@code /v1alpha1/pg_dump}, as Hasura's CLI does. When the engine cannot run pg_dump (no pg_dump
     * of the database's version, as with the embedded PostgreSQL 17, or the {@code pgdump} API turned
     * off) the rows are written by a query of Junction's own, and a note says so.
     */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a seed file (with --from-table: the table's rows as INSERTs).")
    static final class Create extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The seed's name.")
        String name;

        @Option(names = "--from-table", description = "A table ([schema.]name) whose rows go into the file; repeatable.")
        List<String> tables = new ArrayList<>();

        @Option(names = "--database-name", description = "The database. Default: default.")
        String database = "default";

        @Override
        protected void run(Project project) {
            if (!name.matches("[A-Za-z0-9_\\-]+")) {
                throw new CliException("a seed name may hold only letters, digits, '_' and '-': " + name);
            }
            String sql = tables.isEmpty() ? "" : rows(project.client());
            Path file = project.seedsDirectory().resolve(database).resolve(System.currentTimeMillis() + "_" + name + ".sql");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, sql, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("cannot write " + file + ": " + e.getMessage());
            }
            out().println("Seed created: " + project.directory().relativize(file));
        }

        private String rows(AdminClient client) {
            List<String> opts = new ArrayList<>(List.of("--no-owner", "--no-acl", "--data-only", "--column-inserts"));
            tables.forEach(t -> opts.addAll(List.of("--table", qualified(t))));
            try {
                return client.pgDump(database, opts);
            } catch (CliException e) {
                if (!cannotDump(e)) {
                    throw e;
                }
                err().println("note: the engine cannot run pg_dump (" + e.getMessage() + "); the rows are written by Junction's own INSERTs");
                StringBuilder sql = new StringBuilder();
                tables.forEach(t -> sql.append(inserts(client, t)));
                return sql.toString();
            }
        }

        /** No pg_dump of the database's version on the engine's machine, or no {@code /v1alpha1/pg_dump} at all. */
        private static boolean cannotDump(CliException e) {
            return e.getMessage().startsWith("no pg_dump of PostgreSQL") || e.code().equals("not-found") && e.getMessage().startsWith("resource does not exist");
        }

        /** {@code "schema"."table"} ({@code public} when no schema is given): pg_dump's pattern for exactly that table. */
        private static String qualified(String table) {
            int dot = table.indexOf('.');
            return dot < 0 ? quote("public") + "." + quote(table) : quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
        }

        /** One {@code INSERT INTO "schema"."table" (…) VALUES (…);} line per row, values as quoted literals. */
        private String inserts(AdminClient client, String table) {
            String qualified = qualified(table);
            String sql = "select format('INSERT INTO %s (%s) VALUES (%s);', " + literal(qualified) + ", "
                    + "(select string_agg(quote_ident(key), ', ') from json_each_text(row_to_json(t))), "
                    + "(select string_agg(quote_nullable(value), ', ') from json_each_text(row_to_json(t)))) "
                    + "from " + qualified + " t";
            JsonNode rows = client.query("run_sql", Json.NODES.objectNode().put("source", database).put("sql", sql).put("read_only", true))
                    .path("result");
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < rows.size(); i++) {
                text.append(rows.get(i).get(0).asText()).append('\n');
            }
            return text.toString();
        }

        private static String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }

        private static String literal(String text) {
            return "'" + text.replace("'", "''") + "'";
        }
    }

    /** {@code seed apply [--file F]…}: every seed file of the database (or those named), all in one transaction. */
    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Run seed files (all of them, or --file) in one transaction.")
    static final class Apply extends ProjectCommand {
        @Option(names = {"-f", "--file"}, description = "A seed file name (in seeds/<db>); repeatable. Default: all, by name.")
        List<String> files = new ArrayList<>();

        @Option(names = "--database-name", description = "The database. Default: default.")
        String database = "default";

        @Override
        protected void run(Project project) {
            plant(project, project.client(), database, files, out());
        }

        /** The seed files of {@code database} (all, by name, or those named) in one bulk: all applied or none. */
        static void plant(Project project, AdminClient client, String database, List<String> files, PrintWriter out) {
            Path directory = project.seedsDirectory().resolve(database);
            List<Path> chosen = new ArrayList<>();
            if (files.isEmpty()) {
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> list = Files.list(directory)) {
                        list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().forEach(chosen::add);
                    } catch (IOException e) {
                        throw new CliException("cannot read " + directory + ": " + e.getMessage());
                    }
                }
            } else {
                for (String f : files) {
                    Path file = directory.resolve(f);
                    if (!Files.isRegularFile(file)) {
                        throw new CliException("no seed file " + project.directory().relativize(file));
                    }
                    chosen.add(file);
                }
            }
            if (chosen.isEmpty()) {
                out.println("no seed files in " + project.directory().relativize(directory));
                return;
            }
            ArrayNode bulk = Json.NODES.arrayNode();
            for (Path file : chosen) {
                bulk.addObject().put("type", "run_sql").putObject("args")
                        .put("source", database).put("sql", MigrationDirectory.read(file));
            }
            try {
                client.post("/v2/query", Json.NODES.objectNode().put("type", "bulk").set("args", bulk));
            } catch (CliException e) {
                throw new CliException(e.code(), "seeds failed: " + e.getMessage() + "; rolled back, no seed was applied");
            }
            for (Path file : chosen) {
                out.println("applied " + project.directory().relativize(file));
            }
            out.println("Seeds planted");
        }
    }
}
