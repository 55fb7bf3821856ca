package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import junction.error.ApiException;
import junction.error.Code;
import junction.db.SqlErrors;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.model.Source;

/**
 * {@code POST /v1/query}: Hasura's legacy API, with its v1 argument shapes (no {@code source}: always
 * {@code default}). Each command is the {@code /v1/metadata} command it became ({@code track_table}
 * → {@code pg_track_table}, …), {@code run_sql} is {@link RunSql}'s, the JSON DML queries are
 * {@link DmlQueries}; a {@code bulk} of them runs in one {@link Transaction}: all or nothing.
 * {@code "version": 2} selects the three v2 commands ({@code track_table} with {@code configuration},
 * {@code set_table_custom_fields}, {@code track_function}).
 */
public final class LegacyQuery {
    /** Version 1 types answered by a metadata command, with its {@code /v1/metadata} name. */
    private static final Map<String, String> COMMANDS = commands();
    private static final Map<String, String> V2_COMMANDS = Map.of("track_table", "pg_track_table",
            "set_table_custom_fields", "pg_set_table_customization", "track_function", "pg_track_function");
    private static final List<String> V2_TYPES = List.of("track_table", "set_table_custom_fields", "track_function");
    /** Types whose args may be the table itself ({@code {"schema", "name"}} or {@code "name"}). */
    private static final List<String> TABLE_ARGS = List.of("track_table", "add_existing_table_or_view", "untrack_table");

    private final MetadataService metadata;
    private final RunSql runSql;
    private final DmlQueries dml;

    public LegacyQuery(MetadataService metadata, RunSql runSql, DmlQueries dml) {
        this.metadata = metadata;
        this.runSql = runSql;
        this.dml = dml;
    }

    private static Map<String, String> commands() {
        Map<String, String> out = new LinkedHashMap<>();
        Stream.of("track_table", "set_table_is_enum", "track_function", "untrack_function",
                "create_object_relationship", "create_array_relationship", "drop_relationship", "rename_relationship",
                "set_relationship_comment", "add_computed_field", "drop_computed_field", "create_remote_relationship",
                "update_remote_relationship", "delete_remote_relationship", "create_insert_permission",
                "create_select_permission", "create_update_permission", "create_delete_permission",
                "drop_insert_permission", "drop_select_permission", "drop_update_permission", "drop_delete_permission",
                "set_permission_comment", "create_function_permission", "drop_function_permission").forEach(type -> out.put(type, "pg_" + type));
        out.put("add_existing_table_or_view", "pg_track_table");
        out.put("untrack_table", "pg_untrack_table");
        Stream.of("add_remote_schema", "remove_remote_schema", "reload_remote_schema", "add_remote_schema_permissions",
                "drop_remote_schema_permissions", "replace_metadata", "export_metadata", "clear_metadata",
                "reload_metadata", "get_inconsistent_metadata", "drop_inconsistent_metadata")
                .forEach(type -> out.put(type, type));
        return out;
    }

    public JsonNode execute(JsonNode request) {
        return metadata.transact(Optional.empty(), transaction -> run(transaction, Obj.of(request, "$")));
    }

    private JsonNode run(Transaction transaction, Obj req) {
        String type = req.string("type");
        if (req.optLong("version").orElse(1L) == 2) {
            String command = V2_COMMANDS.get(type);
            if (command == null) {
                throw unknown(type, "RQLQueryV2", V2_TYPES).at(req.pathOf("type"));
            }
            return metadata.command(transaction, command, translated(type, command, req));
        }
        if (type.equals("bulk")) {
            return Bulk.run(transaction, req, false, this::run);
        }
        if (type.equals("run_sql")) {
            return runSql.runSql(transaction, Obj.of(req.required("args"), req.pathOf("args")), req.pathOf("args"));
        }
        if (DmlQueries.TYPES.contains(type)) {
            return dml(transaction, type, Obj.of(req.required("args"), req.pathOf("args")));
        }
        String command = COMMANDS.get(type);
        if (command == null) {
            List<String> types = Stream.of(COMMANDS.keySet().stream(), DmlQueries.TYPES.stream(),
                    Stream.of("bulk", "run_sql")).flatMap(s -> s).toList();
            throw unknown(type, "RQLQueryV1", types).at(req.pathOf("type"));
        }
        return metadata.command(transaction, command, translated(type, command, req));
    }

    private JsonNode dml(Transaction transaction, String type, Obj args) {
        Source source = Lookup.source(transaction.metadata(), args);
        try {
            return dml.run(type, args, transaction.tables(), transaction.connection(source, false));
        } catch (SQLException e) {
            throw Transaction.at(SqlErrors.runSql(e, "BEGIN"), args.path());
        }
    }

    /** The request in the metadata command's shape: {@code type} renamed, args rewritten where v1 differs. */
    private static Obj translated(String type, String command, Obj req) {
        ObjectNode out = Json.object();
        out.put("type", command);
        JsonNode args = req.node().get("args");
        if (args != null) {
            out.set("args", switch (type) {
                case "set_table_custom_fields" -> customFields(args);
                case "track_function", "untrack_function" -> args.has("function") ? args
                        : Json.object().set("function", args);
                default -> TABLE_ARGS.contains(type) ? tableArgs(args) : args;
            });
        }
        return new Obj(out, req.path());
    }

    /** {@code "author"} or {@code {"schema", "name", …}} as {@code {"table": …, …}}. */
    private static JsonNode tableArgs(JsonNode args) {
        if (args.isTextual()) {
            return Json.object().set("table", args);
        }
        if (!args.isObject() || args.has("table")) {
            return args;
        }
        ObjectNode out = Json.object();
        ObjectNode table = out.putObject("table");
        args.fields().forEachRemaining(e -> {
            if (e.getKey().equals("schema") || e.getKey().equals("name")) {
                table.set(e.getKey(), e.getValue());
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /**
     * v2 {@code set_table_custom_fields {table, custom_root_fields, custom_column_names}}: the table's
     * whole configuration becomes those two (as in Hasura).
     */
    private static JsonNode customFields(JsonNode args) {
        if (!args.isObject()) {
            return args;
        }
        ObjectNode out = Json.object();
        ObjectNode configuration = Json.object();
        args.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "custom_root_fields", "custom_column_names" -> configuration.set(e.getKey(), e.getValue());
                default -> out.set(e.getKey(), e.getValue());
            }
        });
        out.set("configuration", configuration);
        return out;
    }

    /** Hasura's (aeson's) error for an unknown tag of its query type. */
    private static ApiException unknown(String type, String haskellType, List<String> types) {
        String expected = types.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
        return ApiException.of(Code.PARSE_FAILED, "parsing Hasura.Server.API.Query." + haskellType
                + " failed, expected tag field to be one of " + expected + ", but found tag \"" + type + "\"");
    }
}
