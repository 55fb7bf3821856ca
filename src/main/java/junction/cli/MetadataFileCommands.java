package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import junction.json.Json;
import junction.project.MetadataDirectory;
import junction.project.MetadataFiles;
import junction.project.SourceMap;
import junction.project.YamlText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metadata export|apply|diff}: the commands that move metadata between the engine and the project's directory. */
final class MetadataFileCommands {
    private MetadataFileCommands() {
    }

    /** {@code metadata export}: export_metadata written as the project's metadata directory (or printed with -o). */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the engine's metadata into the project's metadata directory.")
    static final class Export extends ProjectCommand {
        @Option(names = {"-o", "--output"}, description = "json or yaml: print the metadata instead of writing the directory.")
        String output;

        @Override
        protected void run(Project project) {
            JsonNode document = project.client().metadata("export_metadata", Json.NODES.objectNode());
            if (output != null) {
                out().print(render(document, output));
                return;
            }
            MetadataDirectory.write(document, project.metadataDirectory());
            out().println("Metadata exported to " + project.metadataDirectory());
        }
    }

    /** {@code metadata apply}: the directory as one replace_metadata (version 2). */
    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply the project's metadata directory to the engine (replace_metadata).")
    static final class Apply extends ProjectCommand {
        @Option(names = "--dry-run", description = "Print the metadata document that would be applied; apply nothing.")
        boolean dryRun;

        @Option(names = "--disallow-inconsistent-metadata", description = "Refuse the whole document if anything in it is inconsistent.")
        boolean disallowInconsistent;

        @Option(names = {"-o", "--output"}, description = "json or yaml: with --dry-run, the document's format; otherwise json prints the engine's answer.")
        String output;

        @Override
        protected void run(Project project) {
            MetadataDirectory.Located read = MetadataDirectory.readLocated(project.metadataDirectory());
            ObjectNode document = read.document();
            if (dryRun) {
                out().print(render(document, output == null ? "yaml" : output));
                return;
            }
            ObjectNode body = Json.NODES.objectNode();
            body.put("type", "replace_metadata");
            body.put("version", 2);
            ObjectNode args = body.putObject("args");
            args.put("allow_inconsistent_metadata", !disallowInconsistent);
            args.set("metadata", document);
            JsonNode answer;
            try {
                answer = project.client().post("/v1/metadata", body);
            } catch (CliException refused) {
                throw located(refused, read.sources());
            }
            if ("json".equalsIgnoreCase(output)) {
                out().println(answer.toPrettyString());
                return;
            }
            out().println("Metadata applied: " + count(document));
            if (!answer.path("is_consistent").asBoolean(true)) {
                out().println("Metadata is inconsistent; the engine keeps these objects out of its schema:");
                InconsistencyReport.print(answer.path("inconsistent_objects"), out());
            }
        }
    }

    /**
     * {@code metadata diff [dir1] [dir2]}: as Hasura's CLI, the project's metadata directory (or
     * {@code dir1}) against the engine's metadata (or {@code dir2}), a unified diff per file.
     */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Show how the project's metadata directory (or DIR1) differs from the engine's metadata (or DIR2): "
                    + "- engine (DIR2), + project (DIR1).")
    static final class Diff extends ProjectCommand {
        @Parameters(arity = "0..2", paramLabel = "DIR", description = "Metadata directories: DIR1 instead of the project's, DIR2 instead of the engine.")
        List<Path> directories = List.of();

        @Option(names = "--no-color", description = "Never colour the diff (it is coloured only on a terminal anyway).")
        boolean noColor;

        @Option(names = {"-o", "--output"}, description = "json: the changed files and their diffs as JSON.")
        String output;

        @Override
        protected void run(Project project) {
            Path localDirectory = directories.isEmpty() ? project.metadataDirectory() : directory(directories.get(0));
            String localName = directories.isEmpty() ? "project" : directories.get(0).toString();
            MetadataDirectory.read(localDirectory);
            Map<String, String> local = MetadataDirectory.files(localDirectory);
            Map<String, String> other;
            String otherName;
            if (directories.size() == 2) {
                Path second = directory(directories.get(1));
                if (second.equals(localDirectory)) {
                    throw new CliException("the directories passed are the same");
                }
                MetadataDirectory.read(second);
                other = MetadataDirectory.files(second);
                otherName = directories.get(1).toString();
            } else {
                other = MetadataFiles.of(project.client().metadata("export_metadata", Json.NODES.objectNode()));
                otherName = "server";
            }
            boolean json = OutputFormat.json(output);
            boolean colour = !json && !noColor && System.console() != null;
            ArrayNode changes = Json.NODES.arrayNode();
            TreeSet<String> names = new TreeSet<>(local.keySet());
            names.addAll(other.keySet());
            for (String file : names) {
                String before = other.getOrDefault(file, "");
                String after = local.getOrDefault(file, "");
                if (MetadataDirectory.sameContent(after, before, file)) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                lines.add(other.containsKey(file) ? "--- " + otherName + "/" + file : "--- /dev/null");
                lines.add(local.containsKey(file) ? "+++ " + localName + "/" + file : "+++ /dev/null");
                lines.addAll(LineDiff.unified(before, after));
                changes.addObject().put("file", file).put("diff", String.join("\n", lines) + "\n");
                if (!json) {
                    lines.forEach(line -> print(colour, line));
                }
            }
            if (json) {
                out().println(changes.toPrettyString());
            } else if (changes.isEmpty()) {
                out().println("No changes: the project's metadata is the engine's");
            }
        }

        private static Path directory(Path given) {
            Path directory = given.toAbsolutePath().normalize();
            if (!Files.exists(directory)) {
                throw new CliException("no metadata directory at " + directory);
            }
            if (!Files.isDirectory(directory)) {
                throw new CliException("metadata diff only works with directories but got file " + directory);
            }
            return directory;
        }

        private void print(boolean colour, String line) {
            String ansi = line.startsWith("--- ") || line.startsWith("+++ ") ? "\u001b[1m" : line.startsWith("@@") ? "\u001b[36m"
                    : line.startsWith("-") ? "\u001b[31m" : line.startsWith("+") ? "\u001b[32m" : "";
            out().println(colour && !ansi.isEmpty() ? ansi + line + "\u001b[0m" : line);
        }
    }

    /** The engine's refusal of a part of the applied document, said of the file and line that part came from. */
    static CliException located(CliException refused, SourceMap sources) {
        String prefix = "$.args.metadata";
        if (!refused.path().startsWith(prefix)) {
            return refused;
        }
        return sources.locate("$" + refused.path().substring(prefix.length())).map(refused::at).orElse(refused);
    }

    /** What a document holds, for the line apply prints: sources, tables, remote schemas. */
    static String count(JsonNode document) {
        int tables = 0;
        for (JsonNode source : document.path("sources")) {
            tables += source.path("tables").size();
        }
        return document.path("sources").size() + " source(s), " + tables + " table(s), "
                + document.path("remote_schemas").size() + " remote schema(s)";
    }

    static String render(JsonNode document, String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> document.toPrettyString() + "\n";
            case "yaml" -> YamlText.of(document);
            default -> throw new CliException("unknown output format " + format + "; use json or yaml");
        };
    }
}
