package junction.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML files of a metadata directory with every {@code "!include <file>"} string replaced by
 * that file's content (the path relative to the including file), and records in a {@link SourceMap}
 * the file and line of every node by its place in the resulting document. A YAML error names its
 * file and line; a missing include names the file that includes it.
 */
final class IncludeReader {
    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(MetadataFiles.NODES)
            .build();
    private static final Pattern INCLUDE = Pattern.compile("^!include\\s+(.+?)\\s*$");

    private final SourceMap sources = new SourceMap();

    SourceMap sources() {
        return sources;
    }

    /** A file's content at {@code pointer} in the document, its includes resolved ({@code null} node when empty). */
    JsonNode load(Path file, String pointer) {
        JsonNode node = parse(file);
        if (node.isNull()) {
            return node;
        }
        return resolve(node, file, lines(file), "", pointer);
    }

    /** One file's tree, includes left as they are. */
    static JsonNode parse(Path file) {
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
        return node == null || node.isMissingNode() ? MetadataFiles.NODES.nullNode() : node;
    }

    private JsonNode resolve(JsonNode node, Path file, Map<String, Integer> lines, String at, String pointer) {
        sources.put(pointer, file.toString(), lines.getOrDefault(at, 0));
        if (node.isTextual()) {
            Path target = include(node, file);
            return target == null ? node : load(target, pointer);
        }
        if (node.isArray()) {
            ArrayNode out = MetadataFiles.NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                Path target = include(item, file);
                JsonNode included = target == null ? null : parse(target);
                // a list item that includes a list (a table file written as "- table: …") stands for its items
                if (included != null && included.isArray()) {
                    Map<String, Integer> targetLines = lines(target);
                    for (int j = 0; j < included.size(); j++) {
                        out.add(resolve(included.get(j), target, targetLines, "/" + j, pointer + "/" + out.size()));
                    }
                } else {
                    out.add(resolve(item, file, lines, at + "/" + i, pointer + "/" + out.size()));
                }
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = MetadataFiles.NODES.objectNode();
            node.fields().forEachRemaining(field -> out.set(field.getKey(), resolve(field.getValue(), file, lines,
                    SourceMap.child(at, field.getKey()), SourceMap.child(pointer, field.getKey()))));
            return out;
        }
        return node;
    }

    /** The file an {@code "!include …"} string names (it must exist), or {@code null} for any other node. */
    private static Path include(JsonNode node, Path file) {
        if (!node.isTextual()) {
            return null;
        }
        Matcher include = INCLUDE.matcher(node.asText());
        if (!include.matches()) {
            return null;
        }
        Path target = file.getParent().resolve(include.group(1)).normalize();
        if (!Files.isRegularFile(target)) {
            throw new ProjectException(file + ": !include " + include.group(1) + ": no such file " + target);
        }
        return target;
    }

    /** The line of each node of a file by its pointer in the file: a mapping value at its key's line. */
    private static Map<String, Integer> lines(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != null) {
                walk(parser, "", parser.currentTokenLocation().getLineNr(), lines);
            }
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
        return lines;
    }

    private static void walk(JsonParser parser, String pointer, int line, Map<String, Integer> lines) throws IOException {
        lines.put(pointer, line);
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                walk(parser, SourceMap.child(pointer, key), keyLine, lines);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, pointer + "/" + i++, parser.currentTokenLocation().getLineNr(), lines);
            }
        }
    }
}
