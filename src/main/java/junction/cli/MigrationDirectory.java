package junction.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A database's migrations directory, {@code migrations/<db>/}: listing and creating migrations. */
public record MigrationDirectory(Path directory) {
    private static final Pattern ENTRY = Pattern.compile("([0-9]+)_(.*)");

    public static MigrationDirectory of(Project project, String database) {
        return new MigrationDirectory(project.migrationsDirectory().resolve(database));
    }

    /** The migrations, by version; directories not named {@code <version>_<name>} are ignored (as Hasura's CLI does). */
    public List<Migration> migrations() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Migration> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                Matcher m = ENTRY.matcher(entry.getFileName().toString());
                if (Files.isDirectory(entry) && m.matches()) {
                    found.add(new Migration(Long.parseLong(m.group(1)), m.group(2), entry,
                            present(entry.resolve("up.sql")), present(entry.resolve("down.sql"))));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new CliException("cannot read the migrations directory " + directory + ": " + e.getMessage());
        }
        found.sort(Comparator.comparingLong(Migration::version));
        return found;
    }

    private static Optional<Path> present(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Creates {@code <version>_<name>/} with {@code up.sql} and {@code down.sql} (none when {@code downSql} is null); the version is the
     * time in milliseconds (one more when a migration of that version exists already).
     */
    public Migration create(String name, long now, String upSql, String downSql) {
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw new CliException("a migration name may hold only letters, digits, '_' and '-': " + name);
        }
        long version = now;
        List<Migration> existing = migrations();
        while (hasVersion(existing, version)) {
            version++;
        }
        Path entry = directory.resolve(version + "_" + name);
        try {
            Files.createDirectories(entry);
            Files.writeString(entry.resolve("up.sql"), upSql, StandardCharsets.UTF_8);
            if (downSql != null) {
                Files.writeString(entry.resolve("down.sql"), downSql, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliException("cannot write the migration " + entry + ": " + e.getMessage());
        }
        return new Migration(version, name, entry, Optional.of(entry.resolve("up.sql")),
                downSql == null ? Optional.empty() : Optional.of(entry.resolve("down.sql")));
    }

    private static boolean hasVersion(List<Migration> migrations, long version) {
        return migrations.stream().anyMatch(m -> m.version() == version);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
