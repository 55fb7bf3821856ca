package junction.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Hasura project applied at start-up, before serving (GitOps, containers): the migrations not yet
 * applied ({@code HASURA_GRAPHQL_MIGRATIONS_DIR}), then the metadata directory
 * ({@code HASURA_GRAPHQL_METADATA_DIR}). An inconsistent metadata refuses the start unless
 * {@code allowInconsistentMetadata}; then the inconsistencies are logged.
 */
public record ProjectSettings(Optional<Path> metadataDir, Optional<Path> migrationsDir, boolean allowInconsistentMetadata) {
    public static final ProjectSettings NONE = new ProjectSettings(Optional.empty(), Optional.empty(), false);

    public boolean isEmpty() {
        return metadataDir.isEmpty() && migrationsDir.isEmpty();
    }
}
