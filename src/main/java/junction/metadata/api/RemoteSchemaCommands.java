package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.resolve.Inconsistency;
import junction.remote.RemoteDefinition;
import junction.remote.RemoteSchemaState;

/**
 * {@code add_remote_schema}, {@code update_remote_schema}, {@code remove_remote_schema},
 * {@code reload_remote_schema}, {@code introspect_remote_schema}. Adding or updating introspects the
 * remote at once and fails with the remote's error if it cannot be loaded; nothing is stored then.
 */
final class RemoteSchemaCommands {
    private RemoteSchemaCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("add_remote_schema", RemoteSchemaCommands::add);
        commands.put("update_remote_schema", RemoteSchemaCommands::update);
        commands.put("remove_remote_schema", RemoteSchemaCommands::remove);
        commands.put("reload_remote_schema", RemoteSchemaCommands::reload);
        commands.put("introspect_remote_schema", RemoteSchemaCommands::introspect);
    }

    static Outcome add(CommandContext context, Obj args) {
        String name = name(args);
        if (context.metadata().remoteSchema(name).isPresent()) {
            throw ApiException.of(Code.ALREADY_EXISTS, "remote schema with name \"" + name + "\" already exists")
                    .at(args.path());
        }
        JsonNode definition = loadable(context, args, name);
        List<RemoteSchema> remotes = new ArrayList<>(context.metadata().remoteSchemas());
        remotes.add(new RemoteSchema(name, definition, comment(args), List.of(), List.of()));
        return Outcome.success(context.metadata().withRemoteSchemas(remotes), Inconsistency.Location.remoteSchema(name));
    }

    static Outcome update(CommandContext context, Obj args) {
        String name = name(args);
        RemoteSchema existing = context.metadata().remoteSchema(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "remote schema with name \"" + name + "\" doesn't exist").at(args.path()));
        JsonNode definition = loadable(context, args, name);
        RemoteSchema updated = new RemoteSchema(name, definition, comment(args), existing.permissions(),
                existing.remoteRelationships());
        return Outcome.success(replace(context.metadata(), name, Optional.of(updated)), Inconsistency.Location.remoteSchema(name));
    }

    static Outcome remove(CommandContext context, Obj args) {
        String name = name(args);
        if (context.metadata().remoteSchema(name).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "no such remote schema").at(args.path());
        }
        List<String> dependents = RemoteSchemaDependents.of(context.metadata(), name);
        if (!dependents.isEmpty()) {
            throw ApiException.of(Code.DEPENDENCY_ERROR, "cannot drop due to the following dependent objects : "
                    + String.join(", ", dependents)).at(args.path());
        }
        return Outcome.success(replace(context.metadata(), name, Optional.empty()));
    }

    static Outcome reload(CommandContext context, Obj args) {
        String name = name(args);
        RemoteSchema remote = context.metadata().remoteSchema(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "remote schema with name \"" + name + "\" does not exist").at(args.path()));
        context.remotes().load(name, remote.definition());
        return Outcome.success(context.metadata(), Inconsistency.Location.remoteSchema(name));
    }

    static Outcome introspect(CommandContext context, Obj args) {
        String name = name(args);
        RemoteSchemaState.Ready ready = context.current().consistentRemoteSchemas().get(name);
        if (ready == null) {
            throw ApiException.of(Code.NOT_EXISTS, "remote schema: \"" + name + "\" not found").at(args.path());
        }
        return new Outcome.Read(ready.rawIntrospection());
    }

    /** Reads {@code definition} and introspects the remote it names; a failure is the remote's error. */
    private static JsonNode loadable(CommandContext context, Obj args, String name) {
        JsonNode definition = args.required("definition");
        RemoteDefinition.read(definition, args.pathOf("definition"));
        RemoteSchemaState state = context.remotes().load(name, definition);
        if (state.failure().isPresent()) {
            throw state.failure().get().at(args.path());
        }
        return definition;
    }

    private static String name(Obj args) {
        String name = args.string("name");
        if (name.isEmpty()) {
            throw ApiException.of(Code.PARSE_FAILED, "empty string not allowed").at(args.pathOf("name"));
        }
        return name;
    }

    private static String comment(Obj args) {
        return args.optString("comment").orElse(null);
    }

    private static Metadata replace(Metadata metadata, String name, Optional<RemoteSchema> replacement) {
        List<RemoteSchema> out = new ArrayList<>();
        for (RemoteSchema remote : metadata.remoteSchemas()) {
            if (!remote.name().equals(name)) {
                out.add(remote);
            } else {
                replacement.ifPresent(out::add);
            }
        }
        return metadata.withRemoteSchemas(out);
    }
}
