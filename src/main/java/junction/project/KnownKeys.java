package junction.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * The keys Hasura's metadata allows at the top of the entries a project's files hold — a source in
 * databases.yaml, a table or function file, a remote schema — so that a misspelt key (say {@code
 * select_permisions}) stops the read with its file, line and path instead of being dropped silently.
 */
final class KnownKeys {
    private static final List<String> SOURCE = List.of("name", "kind", "tables", "functions", "native_queries",
            "stored_procedures", "logical_models", "configuration", "query_tags", "customization", "health_check");
    private static final List<String> TABLE = List.of("table", "is_enum", "configuration", "object_relationships",
            "array_relationships", "computed_fields", "remote_relationships", "insert_permissions", "select_permissions",
            "update_permissions", "delete_permissions", "event_triggers", "apollo_federation_config", "logical_model");
    private static final List<String> FUNCTION = List.of("function", "configuration", "permissions", "comment");
    private static final List<String> REMOTE_SCHEMA = List.of("name", "definition", "comment", "permissions",
            "remote_relationships");

    private KnownKeys() {
    }

    static void check(JsonNode document, SourceMap sources) {
        JsonNode sourceList = document.path("sources");
        for (int s = 0; s < sourceList.size(); s++) {
            JsonNode source = sourceList.get(s);
            String at = "$.sources[" + s + "]";
            check(source, SOURCE, "a source", at, sources);
            for (int t = 0; t < source.path("tables").size(); t++) {
                check(source.path("tables").get(t), TABLE, "a table", at + ".tables[" + t + "]", sources);
            }
            for (int f = 0; f < source.path("functions").size(); f++) {
                check(source.path("functions").get(f), FUNCTION, "a function", at + ".functions[" + f + "]", sources);
            }
        }
        JsonNode remotes = document.path("remote_schemas");
        for (int r = 0; r < remotes.size(); r++) {
            check(remotes.get(r), REMOTE_SCHEMA, "a remote schema", "$.remote_schemas[" + r + "]", sources);
        }
    }

    private static void check(JsonNode entry, List<String> known, String what, String path, SourceMap sources) {
        if (!entry.isObject()) {
            return;
        }
        for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                String keyPath = path + "." + key;
                throw new ProjectException(sources.locate(keyPath).orElse("metadata") + ": unknown key \"" + key + "\" at "
                        + keyPath + "; " + what + " has " + String.join(", ", known));
            }
        }
    }
}
