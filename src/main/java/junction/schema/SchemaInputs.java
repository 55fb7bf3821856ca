package junction.schema;

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
 * version, a comment, another role's permission). Keep it in step with the builder.
 *
 * @param sources the sources with their catalogs and tracked tables, each table with only this
 *                role's permissions (the stored permission entries of every role are left out)
 * @param remotes the consistent remote schemas (the same loaded state, not only an equal one:
 *                a reloaded remote is a new schema)
 */
record SchemaInputs(Map<String, SourceSnapshot> sources, Map<String, RemoteSchemaState.Ready> remotes) {
    SchemaInputs {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        remotes = Collections.unmodifiableMap(new LinkedHashMap<>(remotes));
    }

    static SchemaInputs of(Snapshot snapshot, String role) {
        Map<String, SourceSnapshot> sources = new LinkedHashMap<>();
        snapshot.sources().forEach((name, source) -> sources.put(name, forRole(source, role)));
        return new SchemaInputs(sources, snapshot.consistentRemoteSchemas());
    }

    /** The source as far as {@code role}'s schema depends on it: its tables with the role's permissions only. */
    private static SourceSnapshot forRole(SourceSnapshot source, String role) {
        Map<TableName, TrackedTable> tables = new LinkedHashMap<>();
        source.tables().forEach((name, tracked) -> {
            TablePermissions mine = tracked.permissions(role);
            TrackedTable stripped = tracked.withPermissions(mine.isEmpty() ? Map.of() : Map.of(role, mine));
            tables.put(name, new TrackedTable(stripped.name(), stripped.table(),
                    stripped.entry().withPermissions(List.of(), List.of(), List.of(), List.of()),
                    stripped.relationships(), stripped.remoteRelationships(), stripped.permissions()));
        });
        return new SourceSnapshot(source.name(), source.catalog(), tables, source.customization());
    }
}
