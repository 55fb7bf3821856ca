package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The metadata document as a config-v3 metadata directory, as Hasura's CLI lays it out: each file's
 * path (relative, with {@code /}) and its YAML text. Pure; {@link MetadataDirectory} puts the files on
 * disk and reads them back.
 */
public final class MetadataFiles {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Top-level files and what they hold when the document has nothing for them. */
    static final Map<String, String> EMPTY_FILES = Map.ofEntries(
            Map.entry("allow_list.yaml", "[]"), Map.entry("api_limits.yaml", "{}"), Map.entry("cron_triggers.yaml", "[]"),
            Map.entry("graphql_schema_introspection.yaml", "{}"), Map.entry("inherited_roles.yaml", "[]"),
            Map.entry("network.yaml", "{}"), Map.entry("query_collections.yaml", "[]"),
            Map.entry("remote_schemas.yaml", "[]"), Map.entry("rest_endpoints.yaml", "[]"));

    private MetadataFiles() {
    }

    /** The directory's files for an {@code export_metadata} document, by relative path. */
    public static Map<String, String> of(JsonNode document) {
        Map<String, String> files = new TreeMap<>();
        files.put("version.yaml", "version: 3\n");
        ArrayNode sources = NODES.arrayNode();
        for (JsonNode source : document.path("sources")) {
            sources.add(source(source, files));
        }
        files.put("databases/databases.yaml", YamlText.of(sources));
        ActionFiles.write(document, files);
        EMPTY_FILES.forEach((file, empty) -> files.put(file, empty + "\n"));
        document.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (key.equals("remote_schemas") && field.getValue().isArray()) {
                ArrayNode remotes = NODES.arrayNode();
                field.getValue().forEach(remote -> remotes.add(HasuraOrder.remoteSchema(remote)));
                files.put(fileOf(key), YamlText.of(remotes));
            } else if (!key.equals("version") && !key.equals("sources") && !key.equals("actions") && !key.equals("custom_types")) {
                files.put(fileOf(key), YamlText.of(field.getValue()));
            }
        });
        return files;
    }

    static String fileOf(String key) {
        return key.equals("allowlist") ? "allow_list.yaml" : key + ".yaml";
    }

    static String keyOf(String file) {
        String stem = file.substring(0, file.length() - ".yaml".length());
        return stem.equals("allow_list") ? "allowlist" : stem;
    }

    /** The source's entry in databases.yaml, its tables and functions written as files of their own. */
    private static JsonNode source(JsonNode source, Map<String, String> files) {
        String name = source.path("name").asText();
        ObjectNode entry = NODES.objectNode();
        source.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "tables" -> entry.put("tables", "!include " + name + "/tables/tables.yaml");
                case "functions" -> entry.put("functions", "!include " + name + "/functions/functions.yaml");
                default -> entry.set(field.getKey(), field.getValue());
            }
        });
        if (!entry.has("tables")) {
            entry.put("tables", "!include " + name + "/tables/tables.yaml");
        }
        JsonNode ordered = HasuraOrder.source(entry);
        files.put("databases/" + name + "/tables/tables.yaml", includes(source.path("tables"), "databases/" + name + "/tables/", "table", HasuraOrder::table, files));
        if (source.has("functions")) {
            files.put("databases/" + name + "/functions/functions.yaml",
                    includes(source.path("functions"), "databases/" + name + "/functions/", "function", HasuraOrder::function, files));
        }
        return ordered;
    }

    /** One file per entry, named {@code <schema>_<name>.yaml}, and the list of their includes. */
    private static String includes(JsonNode entries, String directory, String key, UnaryOperator<JsonNode> order,
            Map<String, String> files) {
        ArrayNode list = NODES.arrayNode();
        for (JsonNode entry : entries) {
            String file = fileName(entry.path(key));
            files.put(directory + file, YamlText.of(order.apply(entry)));
            list.add("!include " + file);
        }
        return YamlText.of(list);
    }

    static String fileName(JsonNode qualified) {
        if (qualified.isTextual()) {
            return "public_" + qualified.asText() + ".yaml";
        }
        return qualified.path("schema").asText("public") + "_" + qualified.path("name").asText() + ".yaml";
    }
}
