package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.error.JsonPath;
import junction.json.Json;
import junction.json.Obj;

/**
 * {@code POST /v1/query}: Hasura's legacy API, where commands have no backend prefix
 * ({@code track_table}, {@code create_remote_relationship}, …) and {@code run_sql} sits beside them.
 * Each command is passed to the metadata API under its {@code pg_} name, or to {@code run_sql}.
 */
public final class LegacyQuery {
    private final MetadataService metadata;
    private final RunSql runSql;

    public LegacyQuery(MetadataService metadata, RunSql runSql) {
        this.metadata = metadata;
        this.runSql = runSql;
    }

    public JsonNode execute(JsonNode request) {
        return execute(request, "$");
    }

    private JsonNode execute(JsonNode request, String path) {
        Obj req = Obj.of(request, path);
        String type = req.string("type");
        if (type.equals("bulk")) {
            JsonNode items = req.required("args");
            ArrayNode out = Json.array();
            for (int i = 0; i < items.size(); i++) {
                out.add(execute(items.get(i), JsonPath.index(req.pathOf("args"), i)));
            }
            return out;
        }
        if (type.equals("run_sql")) {
            return runSql.execute(request);
        }
        ObjectNode translated = ((ObjectNode) request).deepCopy();
        if (metadata.hasCommand("pg_" + type)) {
            translated.put("type", "pg_" + type);
        }
        return metadata.execute(translated);
    }
}
