package junction.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import junction.catalog.TableName;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TablePermissions;
import junction.metadata.resolve.TrackedTable;
import junction.remote.RemoteSchemaState;

/**
 * What {@link SchemaBuilder} reads from a snapshot to build one role's schema, and nothing else:
 * a role schema is kept for as long as these are equal, whatever else changed (the resource
 * version, a comment, another role's permission, a table the role has no permission on). Keep it
 * in step with the builder.
 *
 * @param sources per source, the tracked tables the role has a permission on (for admin: all), each
 *                with only this role's resolved permissions (the stored permission entries of every
 *                role left out), the source's customization and its tracked functions
 * @param remotes the consistent remote schemas (the same loaded state, not only an equal one:
 *                a reloaded remote is a new schema)
 * @param remotePermissions the role's remote schema permission definitions by remote schema, when
 *                          remote schema permissions are enforced for it (else empty)
 * @param remoteRelationships the consistent relationships of the remote schemas' types, by remote schema
 */
record SchemaInputs(Map<String, SourceInputs> sources, Map<String, RemoteSchemaState.Ready> remotes,
                    Map<String, JsonNode> remotePermissions,
                    Map<String, List<junction.metadata.model.RemoteSchemaRelationship>> remoteRelationships) {
    SchemaInputs {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
        remotePermissions = Collections.unmodifiableMap(new LinkedHashMap<>(remotePermissions));
    }

    /** One source as a role's schema depends on it. */
    record SourceInputs(Map<TableName, TrackedTable> tables, JsonNode customization,
                        Map<junction.catalog.FunctionName, junction.metadata.resolve.TrackedFunction> functions) {
        SourceInputs {
            tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        }
    }

    /** @param remoteSchemaPermissions whether remote schema permissions are enforced */
    static SchemaInputs of(Snapshot snapshot, String role, boolean remoteSchemaPermissions) {
        Map<String, SourceInputs> sources = new LinkedHashMap<>();
        snapshot.sources().forEach((name, source) -> sources.put(name, forRole(source, role)));
        Map<String, List<junction.metadata.model.RemoteSchemaRelationship>> relationships = new LinkedHashMap<>();
        snapshot.remoteSchemaRelationships().forEach((name, list) -> relationships.put(name,
                list.stream().map(r -> r.definition()).toList()));
        return new SchemaInputs(sources, snapshot.consistentRemoteSchemas(),
                RoleRemotes.permissions(snapshot, role, remoteSchemaPermissions), relationships);
    }

    /** The source's tables that {@code role} has a permission on, each with the role's permissions only. */
    private static SourceInputs forRole(SourceSnapshot source, String role) {
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        source.tables().forEach((name, tracked) -> {
            TablePermissions mine = tracked.permissions(role);
            if (mine.isEmpty()) {
                return;
            }
            tables.put(name, new TrackedTable(tracked.name(), tracked.table(),
                    tracked.entry().withPermissions(List.of(), List.of(), List.of(), List.of()),
                    tracked.relationships(), tracked.remoteRelationships(), Map.of(role, mine), tracked.computedFields(),
                    tracked.enumColumns()));
        });
        return new SourceInputs(tables, source.customization(), source.functions());
    }
}
