package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.metadata.model.Metadata;

/**
 * Metadata resolved against the databases (and, later, remote schemas) it refers to, at one
 * resource version. The engine's only shared state is the current snapshot behind one reference.
 */
public record Snapshot(long resourceVersion, Metadata metadata, Map<String, SourceSnapshot> sources,
                       List<Inconsistency> inconsistencies) {
    public Snapshot {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        inconsistencies = List.copyOf(inconsistencies);
    }

    public Optional<SourceSnapshot> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** The same snapshot, stored under another resource version. */
    public Snapshot withResourceVersion(long version) {
        return new Snapshot(version, metadata, sources, inconsistencies);
    }

    public boolean isConsistent() {
        return inconsistencies.isEmpty();
    }
}
