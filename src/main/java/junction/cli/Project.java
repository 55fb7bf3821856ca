package junction.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Hasura project as the CLI sees it once flags, environment and {@code config.yaml} are settled:
 * the engine to talk to and the project's directories (absolute).
 */
public record Project(Path directory, String endpoint, Optional<String> adminSecret, Path metadataDirectory,
        Path migrationsDirectory, Path seedsDirectory) {

    /** The client for this project's engine. */
    public AdminClient client() {
        return new AdminClient(endpoint, adminSecret);
    }
}
