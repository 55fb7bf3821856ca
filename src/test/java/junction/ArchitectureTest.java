package junction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pipeline of DESIGN.md visible in the code: every package of {@code junction} has an
 * allow-list of the packages it may use — the project's own and the libraries that touch the outside
 * world (JDBC, HTTP, the embedded database, the command line). Libraries for values (Jackson,
 * graphql-java, Caffeine, SLF4J, the JDK's own {@code java.util}…) may be used anywhere. Reads every
 * source file under src/main/java: its imports and the fully qualified names in its code.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|io|org|com|picocli|junction)\\.[a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z]");

    /** What only some packages may use: ours, and the libraries that reach a database, the network or the shell. */
    private static final List<String> GUARDED = List.of("junction", "java.sql", "javax.sql", "java.net.http", "io.helidon",
            "com.zaxxer", "org.postgresql", "io.zonky", "picocli");

    private static final String JDBC = "java.sql";

    /** Per package, what of {@link #GUARDED} it may use (besides itself and its own sub-packages). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("junction.error", List.of()),
            Map.entry("junction.json", List.of("junction.error")),
            Map.entry("junction.config", List.of()),
            Map.entry("junction.db", List.of("junction.config", "junction.error", "junction.json", JDBC, "javax.sql",
                    "com.zaxxer", "org.postgresql", "io.zonky")),
            Map.entry("junction.session", List.of("junction.error", "junction.json", "java.net.http")),
            Map.entry("junction.observe", List.of("junction.json")),
            Map.entry("junction.catalog", List.of("junction.error", "junction.json", JDBC)),
            Map.entry("junction.remote", List.of("junction.config", "junction.error", "junction.json", "io.helidon",
                    "java.net.http")),
            Map.entry("junction.metadata.model", List.of("junction.catalog", "junction.error", "junction.json")),
            Map.entry("junction.metadata.codec", List.of("junction.metadata.model", "junction.catalog", "junction.remote",
                    "junction.error", "junction.json")),
            Map.entry("junction.metadata.store", List.of("junction.error", "junction.json", JDBC, "javax.sql")),
            Map.entry("junction.metadata.resolve", List.of("junction.metadata.model", "junction.metadata.codec",
                    "junction.catalog", "junction.remote", "junction.config", "junction.error", "junction.json")),
            Map.entry("junction.metadata.api", List.of("junction.metadata.model", "junction.metadata.codec",
                    "junction.metadata.resolve", "junction.metadata.store", "junction.catalog", "junction.remote",
                    "junction.db", "junction.config", "junction.error", "junction.json", JDBC, "javax.sql", "org.postgresql")),
            Map.entry("junction.schema", List.of("junction.metadata.model", "junction.metadata.resolve", "junction.catalog",
                    "junction.remote", "junction.session", "junction.error", "junction.json")),
            Map.entry("junction.plan.ir", List.of("junction.plan.join", "junction.catalog", "junction.error", "junction.json")),
            Map.entry("junction.plan.join", List.of("junction.plan.ir", "junction.metadata.model", "junction.remote",
                    "junction.catalog", "junction.error", "junction.json")),
            Map.entry("junction.plan", List.of("junction.plan.ir", "junction.plan.join", "junction.schema",
                    "junction.metadata.model", "junction.metadata.resolve", "junction.catalog", "junction.remote",
                    "junction.session", "junction.error", "junction.json")),
            Map.entry("junction.sql", List.of("junction.plan.ir", "junction.plan.join", "junction.catalog", "junction.error",
                    "junction.json")),
            Map.entry("junction.execute.join", List.of("junction.plan.join", "junction.plan.ir", "junction.metadata.model",
                    "junction.remote", "junction.session", "junction.error", "junction.json")),
            Map.entry("junction.execute", List.of("junction.execute.join", "junction.sql", "junction.plan",
                    "junction.schema", "junction.metadata.model", "junction.metadata.resolve", "junction.catalog",
                    "junction.remote", "junction.session", "junction.db", "junction.config", "junction.error",
                    "junction.json", JDBC, "javax.sql", "org.postgresql")),
            Map.entry("junction.server", List.of("junction.execute", "junction.sql", "junction.plan", "junction.schema",
                    "junction.metadata", "junction.catalog", "junction.remote", "junction.session", "junction.db",
                    "junction.config", "junction.error", "junction.json", "junction.observe", JDBC, "javax.sql", "com.zaxxer",
                    "io.helidon", "junction.console")),
            Map.entry("junction.console", List.of("junction.json", "io.helidon", "org.webjars")),
            Map.entry("junction.example", List.of()),
            Map.entry("junction.project", List.of("junction.error", "junction.json")),
            Map.entry("junction.cli", List.of("junction", "picocli", "java.net.http")));

    record SourceFile(Path path, String pkg, List<String> references) {
    }

    /** The package's own entry: the longest key of {@link #ALLOWED} that is the package or holds it. */
    static Optional<String> stage(String pkg) {
        return ALLOWED.keySet().stream().filter(k -> within(pkg, k)).max(Comparator.comparingInt(String::length));
    }

    static boolean within(String name, String pkg) {
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    /** The references of a file that its package's allow-list does not cover. */
    static List<String> violations(SourceFile file) {
        Optional<String> stage = stage(file.pkg());
        if (stage.isEmpty()) {
            return List.of("package " + file.pkg() + " has no entry in ArchitectureTest.ALLOWED");
        }
        List<String> allowed = new ArrayList<>(ALLOWED.get(stage.get()));
        allowed.add(stage.get());
        return file.references().stream()
                .filter(r -> GUARDED.stream().anyMatch(g -> within(r, g)))
                .filter(r -> allowed.stream().noneMatch(a -> within(r, a)))
                .map(r -> SOURCES.relativize(file.path()) + " (" + file.pkg() + ") uses " + r)
                .toList();
    }

    @Test
    void everyPackageUsesOnlyWhatItsStageMay() throws IOException {
        List<SourceFile> files = sourceFiles();
        List<String> violations = files.stream().flatMap(f -> violations(f).stream()).toList();
        assertThat(files).as("source files found").hasSizeGreaterThan(20);
        assertThat(violations).as("references outside the package's allow-list").isEmpty();
    }

    @Test
    void theAllowListsCatchAStageReachingUpOrOut() {
        SourceFile sql = parse(Path.of("src/main/java/x/Bad.java"), List.of(
                "package junction.sql;", "import java.sql.Connection;", "import java.util.List;",
                "class Bad { junction.server.Engine e; junction.plan.ir.Select s; }"));
        assertThat(sql.references()).contains("java.sql.Connection", "junction.server", "junction.plan.ir");
        assertThat(violations(sql)).hasSize(2).allMatch(v -> v.contains("java.sql.Connection") || v.contains("junction.server"));

        SourceFile planJoin = parse(Path.of("src/main/java/x/Bad.java"), List.of(
                "package junction.plan.join;", "import junction.plan.Planner;", "import io.helidon.webclient.api.WebClient;"));
        assertThat(violations(planJoin)).hasSize(2);
        assertThat(violations(parse(Path.of("src/main/java/x/New.java"), List.of("package junction.newstage;"))))
                .singleElement().asString().contains("no entry");
    }

    private static List<SourceFile> sourceFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.add(parse(path, Files.readAllLines(path)));
            }
            return out;
        }
    }

    /** The package, the imports, and fully qualified names used in code (comments skipped). */
    private static SourceFile parse(Path path, List<String> lines) {
        String pkg = "";
        List<String> references = new ArrayList<>();
        boolean inComment = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (inComment) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("//") || line.startsWith("*")) {
                continue;
            }
            if (line.startsWith("package ")) {
                pkg = line.substring("package ".length(), line.indexOf(';')).strip();
                continue;
            }
            Matcher imported = IMPORT.matcher(line);
            if (imported.find()) {
                references.add(imported.group(1));
                continue;
            }
            Matcher qualified = QUALIFIED.matcher(line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
            while (qualified.find()) {
                references.add(qualified.group(1));
            }
        }
        return new SourceFile(path, pkg, references);
    }
}
