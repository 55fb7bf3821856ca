package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import junction.error.ApiException;
import junction.error.ErrorEnvelope;
import junction.json.Json;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import junction.project.MetadataDirectory;
import junction.project.ProjectException;
import junction.server.Engine;
import junction.server.ProjectSettings;

/**
 * {@code serve --metadata-dir DIR [--migrations-dir DIR]}: before the engine serves, the migrations
 * not yet applied (per database, {@code <migrations>/<db>/<version>_<name>/up.sql}, the applied
 * versions in the catalog state's {@code cli_state} as {@code migrate apply} keeps them), then the
 * metadata directory as one {@code replace_metadata}. A database's pending migrations run as one
 * {@code run_sql} bulk: all of them or, when one fails, none. Anything wrong throws a
 * {@link ProjectException} naming the file, and the start fails.
 */
final class ProjectStartup {
    private static final Pattern ITEM = Pattern.compile("^\\$\\.args\\[(\\d+)]");

    private ProjectStartup() {
    }

    static void apply(Engine engine) {
        ProjectSettings project = engine.config().project();
        AdminCalls calls = new EngineCalls(engine);
        project.migrationsDir().ifPresent(dir -> migrate(calls, engine, dir));
        project.metadataDir().ifPresent(dir -> replaceMetadata(calls, engine, dir, project.allowInconsistentMetadata()));
    }

    private static void migrate(AdminCalls calls, Engine engine, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ProjectException("the migrations directory " + directory + " does not exist");
        }
        MigrationState state = new MigrationState(calls);
        for (Path database : databases(directory)) {
            String name = database.getFileName().toString();
            Map<Long, Boolean> applied = state.applied(name);
            List<Migration> pending = new MigrationDirectory(database).migrations().stream()
                    .filter(m -> !applied.containsKey(m.version())).toList();
            if (pending.isEmpty()) {
                continue;
            }
            run(engine, name, pending);
            pending.forEach(m -> state.record(name, m.version()));
            pending.forEach(m -> System.out.println("applied migration " + upFile(m)));
        }
    }

    private static List<Path> databases(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new ProjectException("cannot read the migrations directory " + directory + ": " + e.getMessage());
        }
    }

    /** The up migrations of one database in one transaction; a failure names its file and rolls all of them back. */
    private static void run(Engine engine, String database, List<Migration> pending) {
        ArrayNode items = Json.array();
        List<Migration> run = new ArrayList<>();
        for (Migration migration : pending) {
            Optional<String> sql = migration.up().map(MigrationDirectory::read).filter(s -> !s.isBlank());
            if (sql.isPresent()) {
                ObjectNode item = items.addObject().put("type", "run_sql");
                item.putObject("args").put("source", database).put("sql", sql.get());
                run.add(migration);
            }
        }
        if (run.isEmpty()) {
            return;
        }
        try {
            engine.runSql().execute(Json.object().put("type", "bulk").set("args", items));
        } catch (ApiException e) {
            Matcher item = ITEM.matcher(e.path() == null ? "" : e.path());
            String file = item.find() ? upFile(run.get(Integer.parseInt(item.group(1)))) : "migrations of database " + database;
            throw new ProjectException(file + " failed: " + AdminClient.failure(ErrorEnvelope.metadata(e, true)).getMessage()
                    + (run.size() == 1 ? "; rolled back, nothing of it was applied"
                    : "; rolled back: none of the " + run.size() + " pending migrations of database " + database + " were applied"));
        }
    }

    private static String upFile(Migration migration) {
        return migration.directory().resolve("up.sql").toString();
    }

    private static void replaceMetadata(AdminCalls calls, Engine engine, Path directory, boolean allowInconsistent) {
        if (!Files.isDirectory(directory)) {
            throw new ProjectException("the metadata directory " + directory + " does not exist");
        }
        ObjectNode args = Json.object().put("allow_inconsistent_metadata", allowInconsistent);
        MetadataDirectory.Located read = MetadataDirectory.readLocated(directory);
        args.set("metadata", read.document());
        JsonNode answer;
        try {
            answer = calls.metadata("replace_metadata", args.deepCopy());
        } catch (CliException e) {
            CliException located = MetadataFileCommands.located(e, read.sources());
            throw new ProjectException("the metadata in " + directory + " cannot be applied: " + located.getMessage()
                    + "\n(start with --allow-inconsistent-metadata to serve it with its inconsistent objects left out)");
        }
        JsonNode inconsistent = answer.path("inconsistent_objects");
        System.out.println("applied metadata from " + directory + (inconsistent.isEmpty() ? ""
                : " with " + inconsistent.size() + " inconsistent object" + (inconsistent.size() == 1 ? "" : "s") + " left out (see the log)"));
        if (inconsistent.isArray() && !inconsistent.isEmpty()) {
            ObjectNode detail = Json.object().put("kind", "inconsistent_metadata");
            detail.putObject("info").put("metadata_dir", directory.toString()).set("inconsistent_objects", inconsistent);
            engine.log().write(EngineLog.STARTUP, LogLevel.WARN, detail);
        }
    }
}
