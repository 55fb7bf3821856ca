package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.error.ApiException;
import junction.error.ErrorEnvelope;
import junction.json.Json;
import junction.observe.EngineLog;
import junction.observe.LogLevel;
import junction.project.ProjectException;
import junction.server.Engine;
import junction.server.ProjectSettings;

/**
 * {@code serve --metadata-dir DIR [--migrations-dir DIR]}: before the engine serves, the project is
 * deployed as {@code junction deploy} and Hasura's {@code cli-migrations} image do it
 * ({@link Deployment}: metadata, the migrations of every database, metadata again, reload), except
 * that a database's pending migrations run as one {@code run_sql} bulk: all of them or, when one
 * fails, none. Anything wrong throws a {@link ProjectException} naming the file, and the start fails.
 */
final class ProjectStartup {
    private static final Pattern ITEM = Pattern.compile("^\\$\\.args\\[(\\d+)]");

    private ProjectStartup() {
    }

    static void apply(Engine engine) {
        ProjectSettings project = engine.config().project();
        project.migrationsDir().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new ProjectException("the migrations directory " + dir + " does not exist");
        });
        project.metadataDir().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new ProjectException("the metadata directory " + dir + " does not exist");
        });
        AdminCalls calls = new EngineCalls(engine);
        PrintWriter out = new PrintWriter(System.out, true);
        Deployment deployment = new Deployment(calls, project.metadataDir(), project.migrationsDir(),
                project.allowInconsistentMetadata(), (database, pending) -> run(engine, calls, database, pending), out);
        JsonNode answer;
        try {
            answer = deployment.deploy();
        } catch (Deployment.MetadataRefused e) {
            throw new ProjectException("the metadata in " + project.metadataDir().orElseThrow() + " cannot be applied: " + e.getMessage()
                    + "\n(start with --allow-inconsistent-metadata to serve it with its inconsistent objects left out)");
        } catch (CliException e) {
            throw new ProjectException("the project cannot be applied: " + e.getMessage());
        }
        project.metadataDir().ifPresent(dir -> report(engine, dir, answer.path("inconsistent_objects")));
    }

    /** The up migrations of one database in one transaction; a failure names its file and rolls all of them back. */
    private static void run(Engine engine, AdminCalls calls, String database, List<Migration> pending) {
        execute(engine, database, pending);
        MigrationState state = new MigrationState(calls);
        pending.forEach(m -> state.record(database, m.version()));
        pending.forEach(m -> System.out.println("applied migration " + upFile(m)));
    }

    private static void execute(Engine engine, String database, List<Migration> pending) {
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

    private static void report(Engine engine, Path directory, JsonNode inconsistent) {
        System.out.println("applied metadata from " + directory + (inconsistent.isEmpty() ? ""
                : " with " + inconsistent.size() + " inconsistent object" + (inconsistent.size() == 1 ? "" : "s") + " left out (see the log)"));
        if (inconsistent.isArray() && !inconsistent.isEmpty()) {
            ObjectNode detail = Json.object().put("kind", "inconsistent_metadata");
            detail.putObject("info").put("metadata_dir", directory.toString()).set("inconsistent_objects", inconsistent);
            engine.log().write(EngineLog.STARTUP, LogLevel.WARN, detail);
        }
    }
}
