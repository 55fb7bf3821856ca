package junction.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.error.ApiException;
import junction.metadata.model.RemoteSchema;
import junction.metadata.resolve.RemoteSchemaPermissionResolver;
import junction.metadata.resolve.Snapshot;
import junction.remote.RemoteSchemaState;
import junction.session.Session;

/**
 * The remote schemas a role sees. With remote schema permissions off, and for {@code admin}
 * always, every consistent remote schema whole. With them on, another role sees only the remote
 * schemas it has a (consistent) permission for, each as its SDL defines it — types, fields,
 * arguments, presets — with the remote's customization on top; of the others, nothing.
 */
final class RoleRemotes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoleRemotes.class);

    private RoleRemotes() {
    }

    static Map<String, RemoteSchemaState.Ready> of(Snapshot snapshot, String role, boolean enforced) {
        Map<String, RemoteSchemaState.Ready> all = snapshot.consistentRemoteSchemas();
        if (!restricted(role, enforced)) {
            return all;
        }
        Map<String, RemoteSchemaState.Ready> out = new LinkedHashMap<>();
        all.forEach((name, remote) -> permission(snapshot, name, role).ifPresent(permission -> {
            try {
                out.put(name, remote.forRole(RemoteSchemaPermissionResolver.roleSchema(remote, role, permission)));
            } catch (ApiException e) {
                LOG.warn("remote schema {} is left out of the GraphQL schema of role {}: {}", name, role, e.getMessage());
            }
        }));
        return out;
    }

    /** The role's permission entries by remote schema, when they decide what it sees (what its schema depends on). */
    static Map<String, JsonNode> permissions(Snapshot snapshot, String role, boolean enforced) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (restricted(role, enforced)) {
            snapshot.consistentRemoteSchemas().keySet().forEach(name ->
                    permission(snapshot, name, role).ifPresent(p -> out.put(name, p.path("definition"))));
        }
        return out;
    }

    private static boolean restricted(String role, boolean enforced) {
        return enforced && !role.equals(Session.ADMIN);
    }

    private static Optional<JsonNode> permission(Snapshot snapshot, String remote, String role) {
        return snapshot.metadata().remoteSchema(remote).flatMap((RemoteSchema r) -> RemoteSchemaPermissionResolver.permission(r, role));
    }
}
