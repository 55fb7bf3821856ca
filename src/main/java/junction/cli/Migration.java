package junction.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One migration directory {@code <version>_<name>/} of a project: its version (milliseconds, as
 * Hasura's CLI names them), its name, and its {@code up.sql} / {@code down.sql} when present.
 */
public record Migration(long version, String name, Path directory, Optional<Path> up, Optional<Path> down) {

    /** {@code <version>_<name>}, as the directory is named. */
    public String label() {
        return directory.getFileName().toString();
    }

    public Optional<Path> file(boolean upward) {
        return upward ? up : down;
    }
}
