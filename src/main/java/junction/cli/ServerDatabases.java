package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;

/** The databases (sources) the engine's metadata holds, as Hasura's CLI lists them for {@code --all-databases}. */
final class ServerDatabases {
    private ServerDatabases() {
    }

    /** Their names, in the metadata's order. */
    static List<String> names(AdminCalls calls) {
        List<String> names = new ArrayList<>();
        for (JsonNode source : calls.metadata("export_metadata", Json.NODES.objectNode()).path("sources")) {
            names.add(source.path("name").asText());
        }
        return names;
    }
}
