package junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import junction.json.Json;

/**
 * The applied migrations as Hasura's CLI (v2, config v3) records them on the server: in the catalog
 * state's {@code cli_state} ({@code get_catalog_state} / {@code set_catalog_state}), as
 * {@code {"migrations": {"<db>": {"<version>": <dirty>}}, "settings": {…}, "isStateCopyCompleted": true}}.
 * The rest of the CLI state is kept as it was. A server whose state was never moved there (a
 * project of Hasura's CLI before v2) has its versions read once from {@code hdb_catalog.schema_migrations},
 * as Hasura's CLI copies them.
 */
public final class MigrationState {
    private final AdminCalls client;

    public MigrationState(AdminCalls client) {
        this.client = client;
    }

    /** The applied versions of {@code database}, each with its dirty flag, by version. */
    public Map<Long, Boolean> applied(String database) {
        JsonNode versions = cliState().path("migrations").path(database);
        Map<Long, Boolean> applied = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = versions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                applied.put(Long.parseLong(e.getKey()), e.getValue().asBoolean(false));
            } catch (NumberFormatException notAVersion) {
                throw new CliException("the server's CLI state holds a migration version that is not a number: " + e.getKey());
            }
        }
        return applied;
    }

    public void record(String database, long version) {
        ObjectNode state = cliState();
        migrations(state, database).put(Long.toString(version), false);
        save(state);
    }

    public void forget(String database, long version) {
        forget(database, java.util.List.of(version));
    }

    /** Forgets several versions in one {@code set_catalog_state} (none: no call). */
    public void forget(String database, java.util.Collection<Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        ObjectNode state = cliState();
        versions.forEach(v -> migrations(state, database).remove(Long.toString(v)));
        save(state);
    }

    private static ObjectNode migrations(ObjectNode state, String database) {
        ObjectNode all = state.has("migrations") && state.get("migrations").isObject()
                ? (ObjectNode) state.get("migrations") : state.putObject("migrations");
        return all.has(database) && all.get(database).isObject() ? (ObjectNode) all.get(database) : all.putObject(database);
    }

    private ObjectNode cliState() {
        JsonNode answer = client.metadata("get_catalog_state", Json.NODES.objectNode()).path("cli_state");
        ObjectNode state = answer.isObject() ? (ObjectNode) answer.deepCopy() : Json.NODES.objectNode();
        if (!state.path("isStateCopyCompleted").asBoolean(false) && !state.has("migrations")) {
            copyLegacy(state);
        }
        return state;
    }

    /** Versions from {@code hdb_catalog.schema_migrations} (Hasura before v2 kept them there, for the default database). */
    private void copyLegacy(ObjectNode state) {
        if (!rows("select (to_regclass('hdb_catalog.schema_migrations') is not null)::text").get(1).get(0).asText().equals("true")) {
            return;
        }
        JsonNode rows = rows("select version::text, dirty::text from hdb_catalog.schema_migrations");
        for (int i = 1; i < rows.size(); i++) {
            migrations(state, "default").put(rows.get(i).get(0).asText(), rows.get(i).get(1).asText().equals("true"));
        }
    }

    private JsonNode rows(String sql) {
        return client.query("run_sql", Json.NODES.objectNode().put("sql", sql)).path("result");
    }

    private void save(ObjectNode state) {
        if (!state.has("settings") || !state.get("settings").isObject()) {
            state.putObject("settings").put("migration_mode", "true");
        }
        state.put("isStateCopyCompleted", true);
        ObjectNode args = Json.NODES.objectNode().put("type", "cli");
        args.set("state", state);
        client.metadata("set_catalog_state", args);
    }
}
