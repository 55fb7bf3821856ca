package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import junction.catalog.FunctionName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.model.FunctionConfig;
import junction.metadata.model.FunctionEntry;
import junction.metadata.model.GraphqlName;

/**
 * Reads and writes a source's {@code functions} entries as Hasura has them:
 * {@code {"function": {"schema", "name"}, "configuration"?, "permissions"?: [{"role"}], "comment"?}}.
 * Names given in the configuration are GraphQL names or a {@code parse-failed} error.
 */
public final class FunctionEntries {
    private FunctionEntries() {
    }

    public static FunctionEntry read(JsonNode node, String path) {
        Obj f = Obj.of(node, path);
        FunctionName name = functionName(f.required("function"), f.pathOf("function"));
        FunctionConfig config = f.optObj("configuration").map(FunctionEntries::configuration).orElse(FunctionConfig.EMPTY);
        List<String> roles = f.list("permissions", (n, p) -> Obj.of(n, p).string("role"));
        Uniqueness.check(roles, f.pathOf("permissions"), "function permission");
        return new FunctionEntry(name, config, roles, f.optString("comment").orElse(null));
    }

    /** A function name: {@code "search"} (schema public) or {@code {"schema": "s", "name": "f"}}. */
    public static FunctionName functionName(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return FunctionName.of(node.textValue());
        }
        Obj f = Obj.of(node, path);
        return new FunctionName(f.optString("schema").orElse("public"), f.string("name"));
    }

    /** A function's {@code configuration} (of {@code pg_track_function}, {@code pg_set_function_customization}). */
    public static FunctionConfig configuration(Obj c) {
        String customName = name(c, "custom_name");
        String function = null;
        String aggregate = null;
        Optional<Obj> roots = c.optObj("custom_root_fields");
        if (roots.isPresent()) {
            function = name(roots.get(), "function");
            aggregate = name(roots.get(), "function_aggregate");
            if (function != null && function.equals(aggregate)) {
                throw ApiException.of(Code.PARSE_FAILED, "the following custom root field names are duplicated: \""
                        + function + "\" and \"" + aggregate + "\"").at(roots.get().path());
            }
        }
        String exposedAs = c.optString("exposed_as").orElse(null);
        if (exposedAs != null && !exposedAs.equals("query") && !exposedAs.equals("mutation")) {
            throw ApiException.of(Code.PARSE_FAILED, "exposed_as must be \"query\" or \"mutation\", not \"" + exposedAs
                    + "\"").at(c.pathOf("exposed_as"));
        }
        return new FunctionConfig(customName, function, aggregate, c.optString("session_argument").orElse(null), exposedAs);
    }

    private static String name(Obj holder, String key) {
        JsonNode value = holder.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        String name = Obj.asString(value, holder.pathOf(key));
        if (!GraphqlName.isValid(name)) {
            throw ApiException.of(Code.PARSE_FAILED, GraphqlName.notValid(name)).at(holder.pathOf(key));
        }
        return name;
    }

    /** Hasura's export order: function, configuration (when set), permissions (when any), comment. */
    public static ObjectNode write(FunctionEntry entry) {
        ObjectNode node = Json.object();
        node.set("function", functionName(entry.function()));
        if (!entry.configuration().isEmpty()) {
            node.set("configuration", configuration(entry.configuration()));
        }
        if (!entry.permissions().isEmpty()) {
            ArrayNode permissions = node.putArray("permissions");
            entry.permissions().forEach(role -> permissions.addObject().put("role", role));
        }
        if (entry.comment() != null) {
            node.put("comment", entry.comment());
        }
        return node;
    }

    public static ObjectNode functionName(FunctionName name) {
        ObjectNode node = Json.object();
        node.put("name", name.name());
        node.put("schema", name.schema());
        return node;
    }

    /** Keys sorted as Hasura's export has them; {@code custom_root_fields} is always there. */
    public static ObjectNode configuration(FunctionConfig config) {
        ObjectNode node = Json.object();
        if (config.customName() != null) {
            node.put("custom_name", config.customName());
        }
        ObjectNode roots = node.putObject("custom_root_fields");
        if (config.functionRootField() != null) {
            roots.put("function", config.functionRootField());
        }
        if (config.aggregateRootField() != null) {
            roots.put("function_aggregate", config.aggregateRootField());
        }
        if (config.exposedAs() != null) {
            node.put("exposed_as", config.exposedAs());
        }
        if (config.sessionArgument() != null) {
            node.put("session_argument", config.sessionArgument());
        }
        return node;
    }
}
