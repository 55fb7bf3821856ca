package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.GivenNames;
import junction.metadata.codec.MetadataReader;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.Source;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/** Whole-document commands: export, replace, reload, clear, and inconsistency reporting. */
final class ManagementCommands {
    private static final String DEFAULT_SOURCE = "default";

    private ManagementCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("export_metadata", (c, a) -> new Outcome.Read(MetadataWriter.metadata(c.metadata())));
        commands.put("replace_metadata", ManagementCommands::replace);
        commands.put("reload_metadata", ManagementCommands::reload);
        commands.put("clear_metadata", ManagementCommands::clear);
        commands.put("get_inconsistent_metadata", (c, a) -> new Outcome.Read(consistency(c.current())));
        commands.put("drop_inconsistent_metadata", ManagementCommands::dropInconsistent);
    }

    /** {@code export_metadata} with {@code "version": 2}: the document wrapped with its resource version. */
    static JsonNode exportV2(CommandContext context) {
        ObjectNode node = Json.object();
        node.put("resource_version", context.current().resourceVersion());
        node.set("metadata", MetadataWriter.metadata(context.metadata()));
        return node;
    }

    /**
     * {@code replace_metadata}: the document itself (answered with success, refused if anything in it
     * is inconsistent), or {@code {allow_inconsistent_metadata, metadata}} (answered with the
     * consistency report). A document without {@code sources} (metadata version 2) goes into the
     * {@code default} source.
     */
    static Outcome replace(CommandContext context, Obj args) {
        if (!args.has("metadata")) {
            Metadata metadata = read(context, args);
            return new Outcome.Write(metadata, ConsistencyCheck.ALL, Optional.empty(), s -> Outcome.Responses.success());
        }
        boolean allow = args.bool("allow_inconsistent_metadata", false);
        Metadata metadata = read(context, args.obj("metadata"));
        return new Outcome.Write(metadata, allow ? ConsistencyCheck.NONE : ConsistencyCheck.ALL, Optional.empty(),
                ManagementCommands::consistency);
    }

    private static Metadata read(CommandContext context, Obj document) {
        GivenNames.document(document);
        if (document.has("sources") || !document.has("tables") && !document.has("functions")) {
            return MetadataReader.metadata(document.node(), document.path());
        }
        return LegacyDocument.read(document, context.metadata().source(DEFAULT_SOURCE));
    }

    /** Everything goes; a {@code default} source stays, with its configuration and no tables. */
    static Outcome clear(CommandContext context, Obj args) {
        List<Source> sources = context.metadata().source(DEFAULT_SOURCE)
                .map(s -> List.of(new Source(s.name(), s.kind(), s.configuration(), null, List.of(), List.of())))
                .orElse(List.of());
        return Outcome.success(new Metadata(sources, List.of(), Map.of()));
    }

    /** Removes every inconsistent object, and whatever that removal makes inconsistent in turn. */
    static Outcome dropInconsistent(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        Snapshot snapshot = context.snapshot();
        for (int round = 0; round < 10 && !snapshot.isConsistent(); round++) {
            for (Inconsistency issue : snapshot.inconsistencies()) {
                metadata = Pruning.without(metadata, issue.at());
            }
            snapshot = context.resolve(metadata);
        }
        return new Outcome.Write(metadata, ConsistencyCheck.ALL, Optional.empty(), s -> Outcome.Responses.success());
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
        return new Outcome.Write(context.metadata(), ConsistencyCheck.NONE, Optional.empty(), ManagementCommands::reloaded);
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
