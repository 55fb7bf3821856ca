package junction.metadata.api;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;

/**
 * What a command sees: the metadata as it stands at this point of the request (inside a
 * {@code bulk}, after the earlier commands); the snapshot served at this point ({@link #current},
 * for reads: no catalog is read for them); that metadata resolved against fresh catalogs
 * ({@link #snapshot}, read on first use, for changes: they must see what the databases have now);
 * the request's remote schemas (to introspect a remote being added, updated or reloaded); and a
 * way to resolve candidate metadata against the same catalogs and remotes (to find what a change
 * would break).
 */
public record CommandContext(Metadata metadata, Snapshot current, Supplier<Snapshot> fresh,
                             Optional<Source> defaultSource, RemoteSchemaCache remotes,
                             Function<Metadata, Snapshot> resolver) {

    /** The metadata resolved against the catalogs as they are now (read on the first call of the request). */
    public Snapshot snapshot() {
        return fresh.get();
    }

    public Snapshot resolve(Metadata candidate) {
        return resolver.apply(candidate);
    }
}
