package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import junction.json.Json;
import junction.project.MetadataDirectory;

/**
 * A Hasura project deployed on an engine, in the order of Hasura's {@code hasura deploy} (config v3)
 * and its {@code cli-migrations} image, shared by {@code junction deploy} and {@code serve
 * --metadata-dir --migrations-dir}:
 * <ol>
 * <li>the metadata directory, inconsistencies allowed (so the databases it adds exist on the
 * server: their migrations can run);
 * <li>the pending migrations of every database of the server, each from {@code <migrations>/<db>/};
 * <li>the metadata directory again, now that the tables are there ({@code allowInconsistent} or not);
 * <li>{@code reload_metadata}.
 * </ol>
 * When a step after the first fails, the metadata is put back as it was before the deploy (the
 * migrations that ran stay applied and recorded), and the failure is thrown.
 */
record Deployment(AdminCalls calls, Optional<Path> metadataDir, Optional<Path> migrationsDir, boolean allowInconsistent,
        Migrator migrator, PrintWriter out) {

    /** How one database's pending migrations run: one by one ({@code deploy}) or all in one transaction ({@code serve}). */
    interface Migrator {
        void migrate(String database, List<Migration> pending);
    }

    /** Thrown when the engine refuses the metadata directory (first or last step): its refusal; the metadata as before. */
    static final class MetadataRefused extends RuntimeException {
        MetadataRefused(CliException refusal) {
            super(refusal.getMessage(), refusal);
        }

        CliException refusal() {
            return (CliException) getCause();
        }
    }

    /** Deploys; the final {@code replace_metadata} answer ({@code is_consistent}, {@code inconsistent_objects}). */
    JsonNode deploy() {
        Optional<MetadataDirectory.Located> read = metadataDir.map(MetadataDirectory::readLocated);
        Optional<ObjectNode> document = read.map(MetadataDirectory.Located::document);
        JsonNode before = calls.metadata("export_metadata", Json.NODES.objectNode());
        if (document.isPresent()) {
            try {
                replace(document.get(), true);
            } catch (CliException refused) {
                throw new MetadataRefused(MetadataFileCommands.located(refused, read.orElseThrow().sources()));
            }
        }
        try {
            migrationsDir.ifPresent(this::migrate);
            JsonNode answer = Json.NODES.objectNode().put("is_consistent", true);
            if (document.isPresent()) {
                try {
                    answer = replace(document.get(), allowInconsistent);
                } catch (CliException refused) {
                    throw new MetadataRefused(MetadataFileCommands.located(refused, read.orElseThrow().sources()));
                }
            }
            ObjectNode reload = Json.NODES.objectNode().put("reload_remote_schemas", false).put("reload_sources", true);
            calls.metadata("reload_metadata", reload);
            return answer;
        } catch (RuntimeException e) {
            if (document.isPresent()) {
                replace(before, true);
            }
            throw e;
        }
    }

    private JsonNode replace(JsonNode metadata, boolean allow) {
        ObjectNode args = Json.NODES.objectNode().put("allow_inconsistent_metadata", allow);
        args.set("metadata", metadata.deepCopy());
        return calls.metadata("replace_metadata", args);
    }

    private void migrate(Path directory) {
        List<String> databases = ServerDatabases.names(calls);
        MigrationState state = new MigrationState(calls);
        for (String database : databases) {
            Map<Long, Boolean> applied = state.applied(database);
            List<Migration> pending = new MigrationDirectory(directory.resolve(database)).migrations().stream()
                    .filter(m -> !applied.containsKey(m.version())).toList();
            if (!pending.isEmpty()) {
                migrator.migrate(database, pending);
            }
        }
        for (Path unknown : subdirectories(directory)) {
            if (!databases.contains(unknown.getFileName().toString())) {
                out.println("skipped " + unknown + ": the server has no database " + unknown.getFileName());
            }
        }
    }

    private static List<Path> subdirectories(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CliException("cannot read the migrations directory " + directory + ": " + e.getMessage());
        }
    }
}
