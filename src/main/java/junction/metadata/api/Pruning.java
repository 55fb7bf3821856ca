package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;

/** Removes one metadata object — a remote schema, a source, a tracked table, or an object of a table — by its location. */
final class Pruning {
    private Pruning() {
    }

    static Metadata without(Metadata metadata, Inconsistency.Location at) {
        if (at.isRemoteSchemaPermission()) {
            return RemoteSchemaPermissionCommands.without(metadata, at.permissionRemoteSchema(), at.permissionRole());
        }
        if (at.isRemoteSchemaRelationship()) {
            String[] parts = at.relationshipParts();
            return RemoteSchemaRelationshipCommands.without(metadata, parts[0], parts[1], parts[2]);
        }
        if (at.isInheritedPermission()) {
            return metadata;
        }
        if (at.isInheritedRole()) {
            return metadata.withInheritedRoles(metadata.inheritedRoles().stream()
                    .filter(r -> !r.roleName().equals(at.role())).toList());
        }
        if (at.isRemoteSchema()) {
            return metadata.withRemoteSchemas(metadata.remoteSchemas().stream()
                    .filter(r -> !r.name().equals(at.object())).toList());
        }
        if (metadata.source(at.source()).isEmpty()) {
            return metadata;
        }
        if (at.isFunction()) {
            return metadata.updateSource(at.source(), s -> s.withFunctions(
                    s.functions().stream().filter(f -> !f.function().equals(at.function())).toList()));
        }
        if (at.table() == null) {
            List<Source> sources = new ArrayList<>(metadata.sources());
            sources.removeIf(s -> s.name().equals(at.source()));
            return metadata.withSources(sources);
        }
        if (at.object() == null) {
            return metadata.updateSource(at.source(), s -> s.withTables(
                    s.tables().stream().filter(t -> !t.table().equals(at.table())).toList()));
        }
        return metadata.updateSource(at.source(), s -> s.withTables(s.tables().stream()
                .map(t -> t.table().equals(at.table()) ? withoutObject(t, at.object()) : t).toList()));
    }

    private static TableEntry withoutObject(TableEntry entry, String name) {
        if (name.startsWith("permission:")) {
            String[] parts = name.split(":", 3);
            return entry.withoutPermission(parts[1], parts[2]);
        }
        return entry.withoutRelationship(name).withRemoteRelationships(
                entry.remoteRelationships().stream().filter(r -> !r.name().equals(name)).toList())
                .withComputedFields(entry.computedFields().stream().filter(c -> !c.name().equals(name)).toList());
    }
}
