package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code junction metadata …}: Hasura CLI's metadata commands over a project's metadata directory. */
@Command(name = "metadata", aliases = "md", mixinStandardHelpOptions = true,
        description = "Manage the engine's metadata from a Hasura project's metadata directory.",
        subcommands = {MetadataFileCommands.Export.class, MetadataFileCommands.Apply.class, MetadataFileCommands.Diff.class,
                MetadataCommand.Reload.class, MetadataCommand.Clear.class, InconsistencyCommand.class})
public final class MetadataCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code metadata reload}: reload_metadata, then the inconsistencies it found. */
    @Command(name = "reload", mixinStandardHelpOptions = true, description = "Reload the engine's metadata (re-read the database catalog).")
    static final class Reload extends ProjectCommand {
        @Option(names = "--reload-remote-schemas", description = "Also re-fetch every remote schema's introspection.")
        boolean reloadRemoteSchemas;

        @Option(names = {"-o", "--output"}, description = "json: the engine's answer (is_consistent, inconsistent_objects) as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            ObjectNode args = Json.NODES.objectNode();
            args.put("reload_remote_schemas", reloadRemoteSchemas);
            args.put("reload_sources", true);
            JsonNode answer = project.client().metadata("reload_metadata", args);
            if (OutputFormat.json(output)) {
                out().println(answer.toPrettyString());
                return;
            }
            out().println("Metadata reloaded");
            if (!answer.path("is_consistent").asBoolean(true)) {
                err().println("Metadata is inconsistent; run `junction metadata inconsistency list`");
            }
        }
    }

    /** {@code metadata clear}: clear_metadata. */
    @Command(name = "clear", aliases = "reset", mixinStandardHelpOptions = true, description = "Clear the engine's metadata.")
    static final class Clear extends ProjectCommand {
        @Option(names = {"-o", "--output"}, description = "json: the engine's answer as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            JsonNode answer = project.client().metadata("clear_metadata", Json.NODES.objectNode());
            if (OutputFormat.json(output)) {
                out().println(answer.toPrettyString());
                return;
            }
            out().println("Metadata cleared");
        }
    }
}
