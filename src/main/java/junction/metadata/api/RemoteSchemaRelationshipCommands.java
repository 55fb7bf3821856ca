package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.RemoteSchemaRelationshipReader;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.resolve.Inconsistency;

/**
 * Relationships from a remote schema's types: {@code create_remote_schema_remote_relationship},
 * {@code update_remote_schema_remote_relationship}, {@code delete_remote_schema_remote_relationship}
 * ({@code remote_schema}, {@code type_name}, {@code name}, {@code definition} with {@code to_source}
 * or {@code to_remote_schema}). Stored under the remote schema as
 * {@code remote_relationships: [{type_name, relationships: [{name, definition}]}]}, definitions as written.
 */
final class RemoteSchemaRelationshipCommands {
    private RemoteSchemaRelationshipCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("create_remote_schema_remote_relationship", (c, a) -> save(c, a, false));
        commands.put("update_remote_schema_remote_relationship", (c, a) -> save(c, a, true));
        commands.put("delete_remote_schema_remote_relationship", RemoteSchemaRelationshipCommands::delete);
    }

    static Outcome save(CommandContext context, Obj args, boolean update) {
        args.only("remote_schema", "type_name", "name", "definition");
        RemoteSchema remote = existing(context.metadata(), args);
        String type = args.string("type_name");
        String name = args.string("name");
        boolean exists = find(remote, type, name) != null;
        if (update && !exists) {
            throw missing(remote, type, name, args);
        }
        if (!update && exists) {
            throw ApiException.of(Code.ALREADY_EXISTS, "remote relationship with name \"" + name + "\" on type \"" + type
                    + "\" already exists in remote schema \"" + remote.name() + "\"").at(args.pathOf("name"));
        }
        JsonNode definition = args.obj("definition").node();
        RemoteSchemaRelationshipReader.read(remote.name(), type, name, definition, args.pathOf("definition"));
        ObjectNode relationship = Json.object();
        relationship.put("name", name);
        relationship.set("definition", definition);
        return Outcome.success(replace(context.metadata(), remote, with(remote, type, name, relationship)),
                Inconsistency.Location.remoteSchemaRelationship(remote.name(), type, name));
    }

    static Outcome delete(CommandContext context, Obj args) {
        args.only("remote_schema", "type_name", "name");
        RemoteSchema remote = existing(context.metadata(), args);
        String type = args.string("type_name");
        String name = args.string("name");
        if (find(remote, type, name) == null) {
            throw missing(remote, type, name, args);
        }
        return Outcome.success(without(context.metadata(), remote.name(), type, name));
    }

    /** {@code metadata} without the relationship {@code name} on {@code type} of remote schema {@code remoteName}. */
    static Metadata without(Metadata metadata, String remoteName, String type, String name) {
        return metadata.remoteSchema(remoteName).map(remote -> replace(metadata, remote, with(remote, type, name, null)))
                .orElse(metadata);
    }

    private static RemoteSchema existing(Metadata metadata, Obj args) {
        String name = args.string("remote_schema");
        return metadata.remoteSchema(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "remote schema with name \"" + name + "\" does not exist").at(args.pathOf("remote_schema")));
    }

    private static ApiException missing(RemoteSchema remote, String type, String name, Obj args) {
        return ApiException.of(Code.NOT_EXISTS, "remote relationship with name \"" + name + "\" on type \"" + type
                + "\" does not exist in remote schema \"" + remote.name() + "\"").at(args.pathOf("name"));
    }

    private static JsonNode find(RemoteSchema remote, String type, String name) {
        for (JsonNode onType : remote.remoteRelationships()) {
            if (type.equals(onType.path("type_name").asText())) {
                for (JsonNode relationship : onType.path("relationships")) {
                    if (name.equals(relationship.path("name").asText())) {
                        return relationship;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The remote's relationship entries with {@code relationship} put in place of (or after) the one
     * named {@code name} on {@code type}; with null, without it (a type left with none is dropped).
     */
    private static List<JsonNode> with(RemoteSchema remote, String type, String name, JsonNode relationship) {
        List<JsonNode> out = new ArrayList<>();
        boolean placed = false;
        for (JsonNode onType : remote.remoteRelationships()) {
            if (!type.equals(onType.path("type_name").asText())) {
                out.add(onType);
                continue;
            }
            ArrayNode relationships = Json.array();
            for (JsonNode existing : onType.path("relationships")) {
                if (name.equals(existing.path("name").asText())) {
                    if (relationship != null) {
                        relationships.add(relationship);
                    }
                    placed = true;
                } else {
                    relationships.add(existing);
                }
            }
            if (relationship != null && !placed) {
                relationships.add(relationship);
                placed = true;
            }
            if (!relationships.isEmpty()) {
                ObjectNode entry = ((ObjectNode) onType).deepCopy();
                entry.set("relationships", relationships);
                out.add(entry);
            }
        }
        if (relationship != null && !placed) {
            ObjectNode entry = Json.object();
            entry.put("type_name", type);
            entry.putArray("relationships").add(relationship);
            out.add(entry);
        }
        return out;
    }

    private static Metadata replace(Metadata metadata, RemoteSchema remote, List<JsonNode> relationships) {
        RemoteSchema updated = new RemoteSchema(remote.name(), remote.definition(), remote.comment(), remote.permissions(),
                relationships);
        return metadata.withRemoteSchemas(metadata.remoteSchemas().stream()
                .map(r -> r.name().equals(remote.name()) ? updated : r).toList());
    }
}
