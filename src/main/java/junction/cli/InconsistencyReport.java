package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Inconsistent objects as a table: name, type, reason — as Hasura's CLI prints them. */
final class InconsistencyReport {
    private InconsistencyReport() {
    }

    static void print(JsonNode objects, PrintWriter out) {
        if (objects == null || !objects.isArray() || objects.isEmpty()) {
            out.println("metadata is consistent");
            return;
        }
        out.printf("%-30s %-20s %s%n", "NAME", "TYPE", "REASON");
        for (JsonNode object : objects) {
            out.printf("%-30s %-20s %s%n", name(object), object.path("type").asText(), object.path("reason").asText());
        }
    }

    private static String name(JsonNode object) {
        if (object.has("name")) {
            return object.path("name").asText();
        }
        JsonNode definition = object.path("definition");
        if (definition.path("name").isTextual()) {
            return definition.path("name").asText();
        }
        if (definition.has("table")) {
            JsonNode table = definition.path("table");
            return table.isTextual() ? table.asText() : table.path("schema").asText() + "." + table.path("name").asText();
        }
        return definition.toString();
    }
}
