package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/** Whole-document commands: export, replace, reload, clear, and inconsistency reporting. */
final class ManagementCommands {
    private ManagementCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("export_metadata", (c, a) -> new Outcome.Read(MetadataWriter.metadata(c.metadata())));
        commands.put("replace_metadata", ManagementCommands::replace);
        commands.put("reload_metadata", ManagementCommands::reload);
        commands.put("clear_metadata", ManagementCommands::clear);
        commands.put("get_inconsistent_metadata", (c, a) -> new Outcome.Read(consistency(c.snapshot())));
        commands.put("drop_inconsistent_metadata", ManagementCommands::dropInconsistent);
    }

    /** {@code export_metadata} with {@code "version": 2}: the document wrapped with its resource version. */
    static JsonNode exportV2(CommandContext context) {
        ObjectNode node = Json.object();
        node.put("resource_version", context.snapshot().resourceVersion());
        node.set("metadata", MetadataWriter.metadata(context.metadata()));
        return node;
    }

    static Outcome replace(CommandContext context, Obj args) {
        boolean wrapped = args.has("metadata") && !args.has("sources") && !args.has("version");
        if (!wrapped) {
            return Outcome.success(MetadataReader.metadata(args.node(), args.path()));
        }
        boolean allowInconsistent = args.bool("allow_inconsistent_metadata", false);
        Metadata metadata = MetadataReader.metadata(args.required("metadata"), args.pathOf("metadata"));
        return new Outcome.Write(metadata, allowInconsistent, snapshot -> snapshot.isConsistent()
                ? Outcome.Responses.success() : consistency(snapshot));
    }

    static Outcome clear(CommandContext context, Obj args) {
        List<Source> sources = context.defaultSource().map(List::of).orElse(List.of());
        return Outcome.success(new Metadata(sources, List.of(), Map.of()));
    }

    static Outcome dropInconsistent(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        for (Inconsistency issue : context.snapshot().inconsistencies()) {
            metadata = drop(metadata, issue.at());
        }
        return new Outcome.Write(metadata, true, snapshot -> Outcome.Responses.success());
    }

    /**
     * {@code reload_metadata}: catalogs are read afresh anyway; remote schemas are introspected again
     * only as {@code reload_remote_schemas} asks ({@code true}, or a list of names; default none).
     */
    static Outcome reload(CommandContext context, Obj args) {
        JsonNode which = args.get("reload_remote_schemas");
        for (RemoteSchema remote : context.metadata().remoteSchemas()) {
            if (selected(which, remote.name(), args.pathOf("reload_remote_schemas"))) {
                context.remotes().load(remote.name(), remote.definition());
            }
        }
        return new Outcome.Write(context.metadata(), true, ManagementCommands::reloaded);
    }

    private static boolean selected(JsonNode which, String name, String path) {
        if (which == null) {
            return false;
        }
        if (which.isBoolean()) {
            return which.booleanValue();
        }
        if (which.isArray()) {
            for (int i = 0; i < which.size(); i++) {
                if (Obj.asString(which.get(i), junction.error.JsonPath.index(path, i)).equals(name)) {
                    return true;
                }
            }
            return false;
        }
        throw junction.error.ApiException.of(junction.error.Code.PARSE_FAILED,
                "expected Boolean or Array, but encountered " + Obj.kind(which)).at(path);
    }

    private static Metadata drop(Metadata metadata, Inconsistency.Location at) {
        if (at.isRemoteSchema()) {
            return metadata.withRemoteSchemas(metadata.remoteSchemas().stream()
                    .filter(r -> !r.name().equals(at.object())).toList());
        }
        if (at.table() == null) {
            List<Source> sources = new ArrayList<>(metadata.sources());
            sources.removeIf(s -> s.name().equals(at.source()));
            return metadata.withSources(sources);
        }
        if (metadata.source(at.source()).isEmpty()) {
            return metadata;
        }
        if (at.object() == null) {
            return metadata.updateSource(at.source(), s -> s.withTables(
                    s.tables().stream().filter(t -> !t.table().equals(at.table())).toList()));
        }
        return metadata.updateSource(at.source(), s -> s.withTables(s.tables().stream()
                .map(t -> t.table().equals(at.table()) ? withoutObject(t, at.object()) : t).toList()));
    }

    private static TableEntry withoutObject(TableEntry entry, String name) {
        return entry.withoutRelationship(name).withRemoteRelationships(
                entry.remoteRelationships().stream().filter(r -> !r.name().equals(name)).toList());
    }

    private static JsonNode reloaded(Snapshot snapshot) {
        ObjectNode node = Json.object();
        node.put("message", "success");
        node.put("is_consistent", snapshot.isConsistent());
        if (!snapshot.isConsistent()) {
            node.set("inconsistent_objects", issues(snapshot.inconsistencies()));
        }
        return node;
    }

    static ObjectNode consistency(Snapshot snapshot) {
        ObjectNode node = Json.object();
        node.put("is_consistent", snapshot.isConsistent());
        node.set("inconsistent_objects", issues(snapshot.inconsistencies()));
        return node;
    }

    static ArrayNode issues(List<Inconsistency> inconsistencies) {
        ArrayNode array = Json.array();
        inconsistencies.forEach(i -> array.add(i.toJson()));
        return array;
    }
}
