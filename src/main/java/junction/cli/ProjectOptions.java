package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Hasura CLI's global flags, mixed into every project command: {@code --endpoint}, {@code
 * --admin-secret}, {@code --project}, {@code --skip-update-check}. Each setting is the flag, else
 * the environment variable (from the map {@link Main} hands down), else the project's {@code
 * config.yaml}, else the default.
 */
public final class ProjectOptions {
    static final String DEFAULT_ENDPOINT = "http://localhost:8080";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Option(names = "--endpoint", descriptionKey = "HASURA_GRAPHQL_ENDPOINT",
            description = "The engine's URL (HASURA_GRAPHQL_ENDPOINT, config.yaml endpoint). Default: " + DEFAULT_ENDPOINT)
    String endpoint;

    @Option(names = "--admin-secret", descriptionKey = "HASURA_GRAPHQL_ADMIN_SECRET",
            description = "Admin secret sent as x-hasura-admin-secret (HASURA_GRAPHQL_ADMIN_SECRET, config.yaml admin_secret).")
    String adminSecret;

    @Option(names = "--project", description = "The project directory (holding config.yaml). Default: .")
    Path project;

    @Option(names = "--skip-update-check", description = "Accepted for Hasura CLI compatibility; Junction never checks for updates.")
    boolean skipUpdateCheck;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The environment {@link Main} was given. */
    Map<String, String> environment() {
        return mixee.root().userObject() instanceof Main main ? main.environment() : Map.of();
    }

    /** Flags, environment and config.yaml settled into one project. */
    public Project project() {
        Path directory = (project == null ? Path.of(".") : project).toAbsolutePath().normalize();
        JsonNode config = config(directory);
        String url = first(endpoint, text(config, "endpoint")).orElse(DEFAULT_ENDPOINT);
        Optional<String> secret = first(adminSecret, text(config, "admin_secret"));
        return new Project(directory, url.replaceAll("/+$", ""), secret,
                directory.resolve(text(config, "metadata_directory").orElse("metadata")),
                directory.resolve(text(config, "migrations_directory").orElse("migrations")),
                directory.resolve(text(config, "seeds_directory").orElse("seeds")));
    }

    private static Optional<String> first(String flagOrEnv, Optional<String> fromConfig) {
        return flagOrEnv != null && !flagOrEnv.isEmpty() ? Optional.of(flagOrEnv) : fromConfig;
    }

    private static Optional<String> text(JsonNode config, String key) {
        JsonNode value = config.path(key);
        return value.isValueNode() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The project's config.yaml, or an empty object when there is none. */
    static JsonNode config(Path directory) {
        Path file = directory.resolve("config.yaml");
        if (!Files.isRegularFile(file)) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null || !node.isObject() ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
