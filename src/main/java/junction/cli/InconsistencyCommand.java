package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code junction metadata inconsistency list|status|drop}: get_inconsistent_metadata, drop_inconsistent_metadata. */
@Command(name = "inconsistency", aliases = {"inconsistencies", "ic"}, mixinStandardHelpOptions = true,
        description = "Inspect and drop inconsistent metadata objects.",
        subcommands = {InconsistencyCommand.ListObjects.class, InconsistencyCommand.Status.class, InconsistencyCommand.Drop.class})
public final class InconsistencyCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List the inconsistent objects.")
    static final class ListObjects extends ProjectCommand {
        @Option(names = {"-o", "--output"}, description = "json: the engine's answer as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            JsonNode answer = project.client().metadata("get_inconsistent_metadata", Json.NODES.objectNode());
            if (OutputFormat.json(output)) {
                out().println(answer.path("inconsistent_objects").toPrettyString());
                return;
            }
            InconsistencyReport.print(answer.path("inconsistent_objects"), out());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Whether the metadata is consistent.")
    static final class Status extends ProjectCommand {
        @Option(names = {"-o", "--output"}, description = "json: {is_consistent, inconsistent_objects} as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            JsonNode answer = project.client().metadata("get_inconsistent_metadata", Json.NODES.objectNode());
            if (OutputFormat.json(output)) {
                ObjectNode report = Json.NODES.objectNode();
                report.put("is_consistent", answer.path("is_consistent").asBoolean(true));
                report.set("inconsistent_objects", answer.has("inconsistent_objects") ? answer.get("inconsistent_objects")
                        : Json.NODES.arrayNode());
                out().println(report.toPrettyString());
                return;
            }
            if (answer.path("is_consistent").asBoolean(true)) {
                out().println("metadata is consistent");
            } else {
                out().println("metadata is inconsistent, use 'junction metadata inconsistency list' to list the objects");
            }
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Drop the inconsistent objects from the metadata.")
    static final class Drop extends ProjectCommand {
        @Option(names = {"-o", "--output"}, description = "json: the engine's answer as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            JsonNode answer = project.client().metadata("drop_inconsistent_metadata", Json.NODES.objectNode());
            if (OutputFormat.json(output)) {
                out().println(answer.toPrettyString());
                return;
            }
            out().println("all inconsistent objects removed from metadata");
        }
    }
}
