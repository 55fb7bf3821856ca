package junction.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A config-v3 metadata directory on disk: written from the metadata document ({@link MetadataFiles}),
 * read back into it with every {@code "!include <file>"} string replaced by that file's content (the
 * path relative to the including file, {@link IncludeReader}), remembering the file and line of each
 * node ({@link SourceMap}). A YAML error names its file and line; a missing include names the file
 * that includes it; an unknown key of a source, table, function or remote schema its file, line and
 * path ({@link KnownKeys}).
 */
public final class MetadataDirectory {
    private static final Set<String> NOT_KEYS = Set.of("version.yaml", "actions.yaml");

    private MetadataDirectory() {
    }

    /** Writes the document's files, removing the metadata files the document no longer has. */
    public static void write(JsonNode document, Path directory) {
        Map<String, String> files = MetadataFiles.of(document);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> existing = Files.walk(directory)) {
                for (Path stale : existing.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".graphql"))
                        .filter(p -> !files.containsKey(relative(directory, p))).toList()) {
                    Files.delete(stale);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                if (sameContent(path, file.getValue())) {
                    continue;
                }
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the file already says what {@code text} says, in its own style (key order, quotes,
     * indentation of an older CLI): then it is left as it is, so exporting an unchanged project
     * over itself leaves {@code git diff} empty.
     */
    private static boolean sameContent(Path path, String text) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        return sameContent(Files.readString(path, StandardCharsets.UTF_8), text, path.toString());
    }

    /** Whether two texts of the file {@code name} say the same: equal, or YAML that reads as the same values. */
    public static boolean sameContent(String existing, String text, String name) {
        if (existing.equals(text) || !name.endsWith(".yaml")) {
            return existing.equals(text);
        }
        try {
            JsonNode before = IncludeReader.YAML.readTree(existing);
            JsonNode after = IncludeReader.YAML.readTree(text);
            return before != null && before.equals(after);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The files currently in a metadata directory, by relative path (for diffs). */
    public static Map<String, String> files(Path directory) {
        Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.filter(Files::isRegularFile).toList()) {
                files.put(relative(directory, path), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    /** The metadata document the directory describes. */
    public static ObjectNode read(Path directory) {
        return readLocated(directory).document();
    }

    /** A document read from a directory, with the file and line each of its nodes came from. */
    public record Located(ObjectNode document, SourceMap sources) {
    }

    /** The metadata document the directory describes, and where each node of it was read. */
    public static Located readLocated(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ProjectException("no metadata directory at " + directory);
        }
        IncludeReader reader = new IncludeReader();
        ObjectNode document = MetadataFiles.NODES.objectNode();
        Path version = directory.resolve("version.yaml");
        document.put("version", Files.exists(version) ? reader.load(version, "/version").path("version").asInt(3) : 3);
        Path databases = directory.resolve("databases/databases.yaml");
        if (Files.exists(databases)) {
            JsonNode sources = reader.load(databases, "/sources");
            if (!sources.isNull()) {
                document.set("sources", sources);
            }
        }
        Path actions = directory.resolve("actions.yaml");
        if (Files.exists(actions)) {
            Path sdl = directory.resolve("actions.graphql");
            ActionFiles.read(reader.load(actions, ""), Files.exists(sdl) ? text(sdl) : "", actions.toString(), sdl.toString(), document);
        }
        List<Path> others = new ArrayList<>();
        try (Stream<Path> top = Files.list(directory)) {
            top.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !NOT_KEYS.contains(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(others::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : others) {
            String key = MetadataFiles.keyOf(file.getFileName().toString());
            JsonNode content = reader.load(file, "/" + key);
            if (content.isNull() || (content.isContainerNode() && content.isEmpty())) {
                continue;
            }
            document.set(key, content);
        }
        KnownKeys.check(document, reader.sources());
        return new Located(document, reader.sources());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
    }
}
