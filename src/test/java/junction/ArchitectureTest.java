package junction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps imports pointing down the pipeline (DESIGN.md): reads every source file under
 * src/main/java and checks its imports, and fully qualified names in its code, against the rules.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|io|junction)\\.[a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z]");

    record Rule(String from, List<String> forbidden, List<String> exempt) {
        boolean applies(String pkg) {
            return (from.equals("*") || pkg.equals(from) || pkg.startsWith(from + ".")) && exempt.stream().noneMatch(
                    e -> pkg.equals(e) || pkg.startsWith(e + "."));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("junction.sql", List.of("java.sql", "javax.sql", "io.helidon", "java.net.http", "junction.execute",
                    "junction.server"), List.of()),
            new Rule("junction.plan", List.of("java.sql", "javax.sql", "junction.execute", "junction.server"), List.of()),
            new Rule("*", List.of("junction.server"), List.of("junction.server", "junction.cli")),
            new Rule("*", List.of("junction.cli"), List.of("junction.cli")),
            new Rule("junction.catalog", List.of("junction.metadata", "junction.schema", "junction.plan", "junction.server"),
                    List.of()));

    record SourceFile(Path path, String pkg, List<String> references) {
    }

    @Test
    void importsPointDownThePipeline() throws IOException {
        List<String> violations = new ArrayList<>();
        List<SourceFile> files = sourceFiles();
        for (SourceFile file : files) {
            for (Rule rule : RULES) {
                if (!rule.applies(file.pkg())) {
                    continue;
                }
                for (String reference : file.references()) {
                    for (String forbidden : rule.forbidden()) {
                        if (reference.equals(forbidden) || reference.startsWith(forbidden + ".")) {
                            violations.add(SOURCES.relativize(file.path()) + " (" + file.pkg() + ") uses " + reference);
                        }
                    }
                }
            }
        }
        assertThat(files).as("source files found").hasSizeGreaterThan(20);
        assertThat(violations).as("imports that point up the pipeline").isEmpty();
    }

    @Test
    void theRulesCatchAViolation() {
        SourceFile bad = parse(Path.of("x/Bad.java"), List.of(
                "package junction.sql;", "import java.sql.Connection;", "class Bad { junction.server.Engine e; }"));
        assertThat(bad.references()).contains("java.sql.Connection", "junction.server");
        assertThat(RULES.getFirst().applies(bad.pkg())).isTrue();
        assertThat(RULES.get(2).applies("junction.cli")).isFalse();
        assertThat(RULES.get(2).applies("junction.metadata.api")).isTrue();
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
