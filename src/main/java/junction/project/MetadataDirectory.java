package junction.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A config-v3 metadata directory on disk: written from the metadata document ({@link MetadataFiles}),
 * read back into it with every {@code "!include <file>"} string replaced by that file's content (the
 * path relative to the including file). A YAML error names its file and line; a missing include names
 * the file that includes it.
 */
public final class MetadataDirectory {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(MetadataFiles.NODES)
            .build();
    private static final Pattern INCLUDE = Pattern.compile("^!include\\s+(.+?)\\s*$");
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
            JsonNode before = YAML.readTree(existing);
            JsonNode after = YAML.readTree(text);
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
        if (!Files.isDirectory(directory)) {
            throw new ProjectException("no metadata directory at " + directory);
        }
        ObjectNode document = MetadataFiles.NODES.objectNode();
        Path version = directory.resolve("version.yaml");
        document.put("version", Files.exists(version) ? load(version).path("version").asInt(3) : 3);
        Path databases = directory.resolve("databases/databases.yaml");
        if (Files.exists(databases)) {
            JsonNode sources = load(databases);
            if (!sources.isNull()) {
                document.set("sources", sources);
            }
        }
        Path actions = directory.resolve("actions.yaml");
        if (Files.exists(actions)) {
            Path sdl = directory.resolve("actions.graphql");
            ActionFiles.read(load(actions), Files.exists(sdl) ? text(sdl) : "", actions.toString(), sdl.toString(), document);
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
            JsonNode content = load(file);
            if (content.isNull() || (content.isContainerNode() && content.isEmpty())) {
                continue;
            }
            document.set(MetadataFiles.keyOf(file.getFileName().toString()), content);
        }
        return document;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** One YAML file, its includes resolved. */
    static JsonNode load(Path file) {
        JsonNode node;
        try {
            node = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
            throw new ProjectException(file + where + ": invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return MetadataFiles.NODES.nullNode();
        }
        return resolve(node, file);
    }

    private static JsonNode resolve(JsonNode node, Path file) {
        if (node.isTextual()) {
            Matcher include = INCLUDE.matcher(node.asText());
            if (!include.matches()) {
                return node;
            }
            Path target = file.getParent().resolve(include.group(1)).normalize();
            if (!Files.isRegularFile(target)) {
                throw new ProjectException(file + ": !include " + include.group(1) + ": no such file " + target);
            }
            return load(target);
        }
        if (node.isArray()) {
            ArrayNode out = MetadataFiles.NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode resolved = resolve(item, file);
                // a list item that includes a list (a table file written as "- table: …") stands for its items
                if (item.isTextual() && resolved.isArray()) {
                    out.addAll((ArrayNode) resolved);
                } else {
                    out.add(resolved);
                }
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = MetadataFiles.NODES.objectNode();
            node.fields().forEachRemaining(field -> out.set(field.getKey(), resolve(field.getValue(), file)));
            return out;
        }
        return node;
    }
}
