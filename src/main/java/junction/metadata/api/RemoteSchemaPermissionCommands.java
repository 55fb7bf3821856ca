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
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.RemoteSchemaPermissionResolver;
import junction.remote.RemoteSchemaState;

/**
 * {@code add_remote_schema_permissions} and {@code drop_remote_schema_permissions}, as Hasura checks
 * them: adding needs remote schema permissions enabled ({@code constraint-violation}), an existing
 * remote schema ({@code not-exists}), no permission of the role yet ({@code already-exists}), a role
 * other than {@code admin}, and an SDL that is a subset of the remote schema
 * ({@code invalid-role-based-remote-schema} with the reasons); dropping needs the permission.
 */
final class RemoteSchemaPermissionCommands {
    private RemoteSchemaPermissionCommands() {
    }

    /** @param enabled whether remote schema permissions are enabled in this engine */
    static void register(Map<String, Command> commands, boolean enabled) {
        commands.put("add_remote_schema_permissions", (context, args) -> add(context, args, enabled));
        commands.put("drop_remote_schema_permissions", RemoteSchemaPermissionCommands::drop);
    }

    static Outcome add(CommandContext context, Obj args, boolean enabled) {
        String name = args.string("remote_schema");
        String role = args.string("role");
        JsonNode definition = args.obj("definition").node();
        Obj.of(definition, args.pathOf("definition")).string("schema");
        if (!enabled) {
            throw ApiException.of(Code.CONSTRAINT_VIOLATION, "remote schema permissions can only be added when remote "
                    + "schema permissions are enabled in the graphql-engine").at(args.path());
        }
        RemoteSchema remote = existing(context, name, args);
        if (RemoteSchemaPermissionResolver.permission(remote, role).isPresent()) {
            throw ApiException.of(Code.ALREADY_EXISTS, "permissions for role: \"" + role + "\" for remote schema:\""
                    + name + "\" already exists").at(args.path());
        }
        RemoteSchemaState.Ready ready = context.current().consistentRemoteSchemas().get(name);
        if (ready == null) {
            throw ApiException.of(Code.NOT_EXISTS, "remote schema \"" + name + "\" doesn't exist").at(args.path());
        }
        ObjectNode permission = Json.object();
        permission.put("role", role);
        permission.set("definition", definition);
        args.optString("comment").ifPresent(c -> permission.put("comment", c));
        RemoteSchemaPermissionResolver.roleSchema(ready, role, permission);
        List<JsonNode> permissions = new ArrayList<>(remote.permissions());
        permissions.add(permission);
        return Outcome.success(replace(context.metadata(), remote, permissions),
                Inconsistency.Location.remoteSchemaPermission(name, role));
    }

    static Outcome drop(CommandContext context, Obj args) {
        String name = args.string("remote_schema");
        String role = args.string("role");
        RemoteSchema remote = existing(context, name, args);
        if (RemoteSchemaPermissionResolver.permission(remote, role).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "permissions for role: \"" + role + "\" for remote schema:\""
                    + name + "\" doesn't exist").at(args.path());
        }
        return Outcome.success(without(context.metadata(), name, role));
    }

    /** {@code metadata} without the permission of {@code role} on the remote schema {@code name}. */
    static Metadata without(Metadata metadata, String name, String role) {
        return metadata.remoteSchema(name).map(remote -> replace(metadata, remote, remote.permissions().stream()
                .filter(p -> !role.equals(p.path("role").asText())).toList())).orElse(metadata);
    }

    private static RemoteSchema existing(CommandContext context, String name, Obj args) {
        return context.metadata().remoteSchema(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "remote schema \"" + name + "\" doesn't exist").at(args.path()));
    }

    private static Metadata replace(Metadata metadata, RemoteSchema remote, List<JsonNode> permissions) {
        RemoteSchema updated = new RemoteSchema(remote.name(), remote.definition(), remote.comment(), permissions,
                remote.remoteRelationships());
        return metadata.withRemoteSchemas(metadata.remoteSchemas().stream()
                .map(r -> r.name().equals(remote.name()) ? updated : r).toList());
    }
}
