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
 * --admin-secret}, {@code --project}, {@code --envfile}, {@code --skip-update-check}. Each setting
 * is the flag, else the environment variable (from the map {@link Main} hands down), else the
 * envfile's variable ({@link EnvFile}), else the project's {@code config.yaml}, else the default;
 * {@code metadata_directory}, {@code migrations_directory} and {@code seeds_directory} read {@code
 * HASURA_GRAPHQL_METADATA_DIRECTORY} etc. the same way.
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

    @Option(names = "--envfile", description = ".env file (relative to the project directory) whose variables are used where the "
            + "environment has none: flag > environment > envfile > config.yaml. Default: .env")
    String envfile;

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
        Map<String, String> file = EnvFile.read(directory, envfile);
        JsonNode config = config(directory);
        String url = first(endpoint, file, "endpoint", config).orElse(DEFAULT_ENDPOINT);
        Optional<String> secret = first(adminSecret, file, "admin_secret", config);
        return new Project(directory, url.replaceAll("/+$", ""), secret,
                directory.resolve(setting(file, "metadata_directory", config).orElse("metadata")),
                directory.resolve(setting(file, "migrations_directory", config).orElse("migrations")),
                directory.resolve(setting(file, "seeds_directory", config).orElse("seeds")));
    }

    /** The flag or its environment variable (settled by picocli), else the envfile's variable, else config.yaml's key. */
    private static Optional<String> first(String flagOrEnv, Map<String, String> file, String key, JsonNode config) {
        return flagOrEnv != null && !flagOrEnv.isEmpty() ? Optional.of(flagOrEnv) : fromFile(file, key).or(() -> text(config, key));
    }

    /** A config.yaml key Hasura's CLI also reads from {@code HASURA_GRAPHQL_<KEY>}: environment > envfile > config.yaml. */
    private Optional<String> setting(Map<String, String> file, String key, JsonNode config) {
        String fromEnv = environment().get(variable(key));
        return first(fromEnv, file, key, config);
    }

    private static Optional<String> fromFile(Map<String, String> file, String key) {
        String value = file.get(variable(key));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String variable(String key) {
        return "HASURA_GRAPHQL_" + key.toUpperCase(java.util.Locale.ROOT);
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
