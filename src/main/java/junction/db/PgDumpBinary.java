package junction.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.error.ApiException;
import junction.error.Code;

/**
 * A {@code pg_dump} of the database's major version (an older one cannot dump a newer server, a newer
 * one writes SQL the older server may not run): the configured one ({@code --pg-dump-path}), else
 * {@code /usr/lib/postgresql/<major>/bin/pg_dump} (Debian, Ubuntu), else the first on {@code PATH}
 * of that version. Each candidate's version is read from {@code pg_dump --version}.
 */
public record PgDumpBinary(Path path, int major) {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    public static PgDumpBinary find(int serverMajor, Optional<Path> configured, Optional<String> pathVariable) {
        Set<Path> candidates = new LinkedHashSet<>();
        if (configured.isPresent()) {
            candidates.add(configured.get());
        } else {
            candidates.add(Path.of("/usr/lib/postgresql", Integer.toString(serverMajor), "bin", "pg_dump"));
            pathVariable.ifPresent(path -> {
                for (String dir : path.split(java.io.File.pathSeparator)) {
                    if (!dir.isEmpty()) {
                        candidates.add(Path.of(dir, "pg_dump"));
                    }
                }
            });
        }
        List<String> others = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
                continue;
            }
            Optional<Integer> major = major(candidate);
            if (major.isPresent() && major.get() == serverMajor) {
                return new PgDumpBinary(candidate, serverMajor);
            }
            others.add(candidate + " (" + major.map(m -> "PostgreSQL " + m).orElse("version unknown") + ")");
        }
        String looked = configured.map(p -> "--pg-dump-path " + p).orElse("/usr/lib/postgresql/" + serverMajor + "/bin and PATH");
        throw ApiException.of(Code.UNEXPECTED, "no pg_dump of PostgreSQL " + serverMajor + ", the database's version, was found (looked in "
                + looked + (others.isEmpty() ? "" : "; found only " + String.join(", ", others)) + "); install the PostgreSQL "
                + serverMajor + " client or point --pg-dump-path (JUNCTION_PG_DUMP_PATH) at its pg_dump");
    }

    /** The major version {@code pg_dump --version} prints ({@code pg_dump (PostgreSQL) 15.18 …}). */
    static Optional<Integer> major(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(new String(out, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
