package junction.metadata.api;

import java.util.Optional;
import java.util.function.Function;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;

/**
 * What a command sees: the metadata as it stands at this point of the request (inside a
 * {@code bulk}, after the earlier commands), resolved against fresh catalogs; the request's remote
 * schemas (to introspect a remote being added, updated or reloaded); and a way to resolve candidate
 * metadata against the same catalogs and remotes (to find what a change would break).
 */
public record CommandContext(Metadata metadata, Snapshot snapshot, Optional<Source> defaultSource,
                             RemoteSchemaCache remotes, Function<Metadata, Snapshot> resolver) {

    public Snapshot resolve(Metadata candidate) {
        return resolver.apply(candidate);
    }
}
