package junction.metadata.api;

import java.util.Map;
import java.util.Optional;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;

/**
 * What a command sees: the metadata as it stands at this point of the request (inside a
 * {@code bulk}, after the earlier commands), resolved against fresh catalogs, and the request's
 * remote schemas (to introspect a remote being added, updated or reloaded).
 */
public record CommandContext(Metadata metadata, Snapshot snapshot, Optional<Source> defaultSource,
                             RemoteSchemaCache remotes) {

    /** A context whose remote schemas are those the snapshot knows, with no way to introspect. */
    public CommandContext(Metadata metadata, Snapshot snapshot, Optional<Source> defaultSource) {
        this(metadata, snapshot, defaultSource, RemoteSchemaCache.fixed(snapshot == null ? Map.of() : snapshot.remoteSchemas()));
    }
}
