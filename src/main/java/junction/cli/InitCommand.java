package junction.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code junction init DIR}: a new Hasura project as {@code hasura init} writes it — config.yaml
 * (version 3), an empty metadata directory, migrations/ and seeds/.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new Hasura project directory.")
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "hasura", description = "The directory to create. Default: ${DEFAULT-VALUE}")
    Path directory;

    @Option(names = "--endpoint", descriptionKey = "HASURA_GRAPHQL_ENDPOINT", defaultValue = ProjectOptions.DEFAULT_ENDPOINT,
            description = "The engine's URL written to config.yaml. Default: ${DEFAULT-VALUE}")
    String endpoint;

    @Option(names = "--admin-secret", descriptionKey = "HASURA_GRAPHQL_ADMIN_SECRET", description = "Admin secret written to config.yaml.")
    String adminSecret;

    @Option(names = "--skip-update-check", description = "Accepted for Hasura CLI compatibility.")
    boolean skipUpdateCheck;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path root = directory.toAbsolutePath().normalize();
        if (Files.exists(root.resolve("config.yaml"))) {
            throw new CliException("directory " + root + " already has a config.yaml");
        }
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("config.yaml"), config());
            junction.project.MetadataDirectory.write(junction.json.Json.NODES.objectNode().put("version", 3), root.resolve("metadata"));
            Files.createDirectories(root.resolve("migrations"));
            Files.createDirectories(root.resolve("seeds"));
        } catch (IOException e) {
            throw new CliException("cannot create " + root + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("INFO directory created. execute the following commands to continue:\n\n  cd " + root
                + "\n  junction metadata export\n");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String config() {
        StringBuilder yaml = new StringBuilder("version: 3\nendpoint: ").append(endpoint).append('\n');
        if (adminSecret != null && !adminSecret.isEmpty()) {
            yaml.append("admin_secret: ").append(adminSecret).append('\n');
        }
        return yaml.append("metadata_directory: metadata\nactions:\n  kind: synchronous\n  handler_webhook_baseurl: http://localhost:3000\n")
                .toString();
    }
}
