package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.RemoteSchema;
import junction.remote.RemoteSchemaState;
import junction.remote.RoleRemoteSchema;
import junction.remote.RoleSchemaValidator;

/**
 * The remote schema permissions stage: each role's SDL on a consistent remote schema must be a
 * valid subset of that remote's original schema ({@link RoleSchemaValidator}); one that is not is an
 * inconsistent {@code remote_schema_permission} (Hasura: "in remote schema permission for role
 * \"r\": …"), and that role then sees nothing of the remote schema. Checked whether or not
 * permissions are enforced, as Hasura does. Permissions of an inconsistent remote schema are not
 * checked (the remote schema is reported).
 */
public final class RemoteSchemaPermissionResolver {
    private static final RoleSchemaValidator VALIDATOR = new RoleSchemaValidator();

    private RemoteSchemaPermissionResolver() {
    }

    static void resolve(List<RemoteSchema> remotes, Map<String, RemoteSchemaState> states, List<Inconsistency> issues) {
        for (RemoteSchema remote : remotes) {
            RemoteSchemaState state = states.get(remote.name());
            if (state == null || state.ready().isEmpty() || issues.stream().anyMatch(i -> i.at().isRemoteSchema(remote.name()))) {
                continue;
            }
            for (JsonNode permission : remote.permissions()) {
                String role = permission.path("role").asText();
                try {
                    roleSchema(state.ready().get(), role, permission);
                } catch (ApiException e) {
                    issues.add(issue(remote.name(), role, permission, e));
                }
            }
        }
    }

    /**
     * The role's view of a remote schema from its permission entry ({@code {"role", "definition":
     * {"schema"}}}); fails as {@code add_remote_schema_permissions} does.
     */
    public static RoleRemoteSchema roleSchema(RemoteSchemaState.Ready remote, String role, JsonNode permission) {
        if (role.equals("admin")) {
            throw ApiException.of(Code.CONSTRAINT_VIOLATION, "cannot define permission for admin role");
        }
        return VALIDATOR.validate(remote.originalDocument(), permission.path("definition").path("schema").asText());
    }

    /** The permission entry of {@code role} on {@code remote}, if any. */
    public static Optional<JsonNode> permission(RemoteSchema remote, String role) {
        return remote.permissions().stream().filter(p -> role.equals(p.path("role").asText())).findFirst();
    }

    private static Inconsistency issue(String remote, String role, JsonNode permission, ApiException problem) {
        return new Inconsistency("remote_schema_permission", "remote_schema_permission " + role
                + " permission in remote schema " + remote, permission.path("definition"),
                "Inconsistent object: in remote schema permission for role \"" + role + "\": " + problem.getMessage(),
                problem.code(), Inconsistency.Location.remoteSchemaPermission(remote, role));
    }
}
