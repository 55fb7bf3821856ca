package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.RemoteRelationshipReader;
import junction.metadata.model.RemoteRelationship;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;

/**
 * Table → remote schema relationships: {@code pg_create_remote_relationship},
 * {@code pg_update_remote_relationship}, {@code pg_delete_remote_relationship}, in both of Hasura's
 * formats; the definition is stored in the format it was written in.
 */
final class RemoteRelationshipCommands {
    private RemoteRelationshipCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_create_remote_relationship", (c, a) -> save(c, a, false));
        commands.put("pg_update_remote_relationship", (c, a) -> save(c, a, true));
        commands.put("pg_delete_remote_relationship", RemoteRelationshipCommands::delete);
    }

    static Outcome save(CommandContext context, Obj args, boolean update) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        boolean exists = entry.remoteRelationships().stream().anyMatch(r -> r.name().equals(name));
        if (update && !exists) {
            throw ApiException.of(Code.NOT_EXISTS, "remote relationship with name \"" + name + "\" does not exist in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        if (!update && exists) {
            throw ApiException.of(Code.ALREADY_EXISTS, "remote relationship with name \"" + name + "\" already exists in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        JsonNode definition = definition(args);
        RemoteRelationshipReader.read(definition, args.has("definition") ? args.pathOf("definition") : args.path());
        List<RemoteRelationship> remotes = new ArrayList<>();
        for (RemoteRelationship r : entry.remoteRelationships()) {
            remotes.add(r.name().equals(name) ? new RemoteRelationship(name, definition) : r);
        }
        if (!update) {
            remotes.add(new RemoteRelationship(name, definition));
        }
        String source = Lookup.sourceName(args);
        return Outcome.success(context.metadata().updateSource(source,
                s -> s.updateTable(entry.table(), t -> t.withRemoteRelationships(remotes))),
                new Inconsistency.Location(source, entry.table(), name));
    }

    /**
     * The definition as it will be stored: the new format's object, or the old format's three keys (and
     * Junction's {@code batch} beside them).
     * Exactly one of the formats, and no old keys inside {@code definition}, as Hasura parses it.
     */
    private static JsonNode definition(Obj args) {
        if (args.has("definition") == args.has("remote_schema")) {
            throw ApiException.of(Code.PARSE_FAILED,
                    "create_remote_relationship expects exactly one of: remote_schema, definition").at(args.path());
        }
        if (args.has("definition")) {
            Obj definition = args.obj("definition");
            if (definition.has("to_source") == definition.has("to_remote_schema")) {
                throw ApiException.of(Code.PARSE_FAILED, "remote relationship definition (strict format) expects exactly one of: "
                        + "to_source, to_remote_schema").at(definition.path());
            }
            return sortedKeys(definition.node(), 2);
        }
        ObjectNode old = Json.object();
        if (args.has("batch")) {
            old.set("batch", args.get("batch"));
        }
        for (String key : List.of("hasura_fields", "remote_field", "remote_schema")) {
            old.set(key, args.required(key));
        }
        return old;
    }

    /** The object with its keys sorted down to {@code depth} levels, as Hasura exports a definition. */
    private static JsonNode sortedKeys(JsonNode node, int depth) {
        if (depth == 0 || !node.isObject()) {
            return node;
        }
        ObjectNode out = Json.object();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        keys.forEach(k -> out.set(k, sortedKeys(node.get(k), depth - 1)));
        return out;
    }

    static Outcome delete(CommandContext context, Obj args) {
        TableEntry entry = Lookup.trackedTable(context.metadata(), args);
        String name = args.string("name");
        if (entry.remoteRelationships().stream().noneMatch(r -> r.name().equals(name))) {
            throw ApiException.of(Code.NOT_EXISTS, "remote relationship with name \"" + name + "\" does not exist in table \""
                    + entry.table() + "\"").at(args.pathOf("name"));
        }
        return Outcome.success(context.metadata().updateSource(Lookup.sourceName(args),
                s -> s.updateTable(entry.table(), t -> t.withRemoteRelationships(
                        t.remoteRelationships().stream().filter(r -> !r.name().equals(name)).toList()))));
    }
}
