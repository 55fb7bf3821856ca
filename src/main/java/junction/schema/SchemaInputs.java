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
 */
record SchemaInputs(Map<String, SourceSnapshot> sources, Map<String, RemoteSchemaState.Ready> remotes) {
    SchemaInputs {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
    }

    static SchemaInputs of(Snapshot snapshot, boolean admin) {
        return new SchemaInputs(snapshot.sources(), snapshot.consistentRemoteSchemas());
    }

    /** Every role's schema reads the sources (the select-perms branch narrows this to the role's own permissions). */
    static boolean seesTables(String role) {
        return role.equals(Session.ADMIN);
    }
}
