package junction.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.remote.RemoteSchemaState;
import junction.session.Session;

/**
 * What {@link SchemaBuilder} reads from a snapshot to build one role's schema, and nothing else:
 * a role schema is kept for as long as these are equal, whatever else changed (the resource
 * version, a comment, a table another role cannot see). Keep it in step with the builder.
 *
 * @param sources the sources with their catalogs and tracked tables (admin only: other roles see
 *                no table until permissions are interpreted)
 * @param remotes the consistent remote schemas (the same loaded state, not only an equal one:
 *                a reloaded remote is a new schema)
 * @param remotePermissions the role's remote schema permission definitions by remote schema, when
 *                          remote schema permissions are enforced for it (else empty)
 */
record SchemaInputs(Map<String, SourceSnapshot> sources, Map<String, RemoteSchemaState.Ready> remotes,
                    Map<String, com.fasterxml.jackson.databind.JsonNode> remotePermissions) {
    SchemaInputs {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
        remotePermissions = Collections.unmodifiableMap(new LinkedHashMap<>(remotePermissions));
    }

    /** @param remoteSchemaPermissions whether remote schema permissions are enforced */
    static SchemaInputs of(Snapshot snapshot, String role, boolean remoteSchemaPermissions) {
        return new SchemaInputs(seesTables(role) ? snapshot.sources() : Map.of(), snapshot.consistentRemoteSchemas(),
                RoleRemotes.permissions(snapshot, role, remoteSchemaPermissions));
    }

    static boolean seesTables(String role) {
        return role.equals(Session.ADMIN);
    }
}
