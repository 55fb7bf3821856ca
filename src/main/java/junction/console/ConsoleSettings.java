package junction.console;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether {@code /console} is served ({@code HASURA_GRAPHQL_ENABLE_CONSOLE}) and where its files come
 * from: the jar, or a directory ({@code HASURA_GRAPHQL_CONSOLE_ASSETS_DIR}) that replaces them.
 */
public record ConsoleSettings(boolean enabled, Optional<Path> assetsDir) {
    public static final ConsoleSettings DISABLED = new ConsoleSettings(false, Optional.empty());
    public static final ConsoleSettings ENABLED = new ConsoleSettings(true, Optional.empty());
}
