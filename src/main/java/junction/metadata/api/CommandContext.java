package junction.metadata.api;

import java.util.Optional;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;

/**
 * What a command sees: the metadata as it stands at this point of the request (inside a
 * {@code bulk}, after the earlier commands), resolved against fresh catalogs.
 */
public record CommandContext(Metadata metadata, Snapshot snapshot, Optional<Source> defaultSource) {
}
