package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import junction.cli.MigrationRun.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code junction deploy}: Hasura's {@code hasura deploy} — the project's metadata, the migrations
 * of every database (one by one, as {@code migrate apply}), the metadata again, a reload; then,
 * with {@code --with-seeds}, the seeds of every database. The sequence is {@link Deployment}'s,
 * the one {@code serve --metadata-dir} runs at start-up.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Apply the project's metadata and the migrations of every database, then reload the metadata.")
final class DeployCommand extends ProjectCommand {
    @Option(names = "--with-seeds", description = "Then apply the seeds of every database.")
    boolean withSeeds;

    @Option(names = "--no-transaction", description = "Accepted for Hasura CLI compatibility (each migration is one run_sql transaction).")
    boolean noTransaction;

    @Option(names = "--disable-interactive", description = "Accepted for Hasura CLI compatibility (no prompt is ever shown).")
    boolean disableInteractive;

    @Override
    protected void run(Project project) {
        AdminClient client = project.client();
        if (!Files.isDirectory(project.metadataDirectory())) {
            throw new CliException("no metadata directory " + project.metadataDirectory() + " (is --project right?)");
        }
        Deployment deployment = new Deployment(client, Optional.of(project.metadataDirectory()),
                Optional.of(project.migrationsDirectory()), true,
                (database, pending) -> new MigrationRun(client, project.directory(), database, false, out())
                        .run(pending.stream().map(m -> new Step(m, true)).toList()),
                out());
        JsonNode answer;
        try {
            answer = deployment.deploy();
        } catch (Deployment.MetadataRefused e) {
            throw new CliException(e.refusal().code(), "applying the metadata of " + project.directory().relativize(project.metadataDirectory())
                    + " failed: " + e.getMessage());
        }
        out().println("Metadata applied");
        if (!answer.path("is_consistent").asBoolean(true)) {
            out().println("Metadata is inconsistent; the engine keeps these objects out of its schema:");
            InconsistencyReport.print(answer.path("inconsistent_objects"), out());
        }
        out().println("Metadata reloaded");
        if (withSeeds) {
            for (String database : ServerDatabases.names(client)) {
                SeedCommand.Apply.plant(project, client, database, List.of(), out());
            }
        }
    }
}
