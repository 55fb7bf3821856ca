package junction.metadata.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.remote.RemoteSchemaState;

/**
 * Metadata resolved against the databases and remote schemas it refers to, at one resource
 * version. The engine's only shared state is the current snapshot behind one reference.
 * {@code remoteSchemas} holds what introspecting each remote schema of the metadata gave (loaded
 * or failed), so that later changes reuse it instead of calling the remotes again.
 */
public record Snapshot(long resourceVersion, Metadata metadata, Map<String, SourceSnapshot> sources,
                       List<Inconsistency> inconsistencies, Map<String, RemoteSchemaState> remoteSchemas,
                       Map<String, List<ResolvedRemoteSchemaRelationship>> remoteSchemaRelationships) {
    public Snapshot {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        inconsistencies = List.copyOf(inconsistencies);
        remoteSchemas = Collections.unmodifiableMap(new LinkedHashMap<>(remoteSchemas));
        remoteSchemaRelationships = Collections.unmodifiableMap(new LinkedHashMap<>(remoteSchemaRelationships));
    }

    /** A snapshot without relationships of remote schemas. */
    public Snapshot(long resourceVersion, Metadata metadata, Map<String, SourceSnapshot> sources,
                    List<Inconsistency> inconsistencies, Map<String, RemoteSchemaState> remoteSchemas) {
        this(resourceVersion, metadata, sources, inconsistencies, remoteSchemas, Map.of());
    }

    /** The consistent relationships of the remote schema {@code name}'s types. */
    public List<ResolvedRemoteSchemaRelationship> remoteSchemaRelationships(String name) {
        return remoteSchemaRelationships.getOrDefault(name, List.of());
    }

    /** A snapshot without remote schemas. */
    public Snapshot(long resourceVersion, Metadata metadata, Map<String, SourceSnapshot> sources,
                    List<Inconsistency> inconsistencies) {
        this(resourceVersion, metadata, sources, inconsistencies, Map.of());
    }

    public Optional<SourceSnapshot> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Optional<RemoteSchemaState> remoteSchema(String name) {
        return Optional.ofNullable(remoteSchemas.get(name));
    }

    /**
     * The remote schemas clients may use, in metadata order: loaded, and not reported inconsistent
     * (a remote whose root fields collide with others is loaded but not usable).
     */
    public Map<String, RemoteSchemaState.Ready> consistentRemoteSchemas() {
        Map<String, RemoteSchemaState.Ready> out = new LinkedHashMap<>();
        remoteSchemas.forEach((name, state) -> state.ready().ifPresent(ready -> {
            if (inconsistencies.stream().noneMatch(i -> i.at().isRemoteSchema(name))) {
                out.put(name, ready);
            }
        }));
        return out;
    }

    /** The same snapshot, stored under another resource version. */
    public Snapshot withResourceVersion(long version) {
        return new Snapshot(version, metadata, sources, inconsistencies, remoteSchemas, remoteSchemaRelationships);
    }

    /**
     * The catalogs this snapshot was resolved against: each reachable source's, and for the others
     * why they could not be read (so that resolving again with other remote schemas reads no database).
     */
    public Map<String, SourceCatalog> catalogs() {
        Map<String, SourceCatalog> out = new LinkedHashMap<>();
        for (Source source : metadata.sources()) {
            SourceSnapshot reachable = sources.get(source.name());
            out.put(source.name(), reachable != null ? SourceCatalog.of(reachable.catalog()) : SourceCatalog.failed(
                    inconsistencies.stream().filter(i -> source.name().equals(i.at().source()) && i.at().table() == null
                                    && !i.at().isFunction())
                            .map(i -> i.reason().replaceFirst("^Inconsistent object: ", "")).findFirst()
                            .orElse("source not loaded")));
        }
        return out;
    }

    /**
     * The roles the metadata knows, sorted: those with a table, function, remote schema or action
     * permission (even an inconsistent one) and the inherited roles. {@code admin} is not among them.
     */
    public java.util.Set<String> roles() {
        return InheritedRoleResolver.roles(metadata);
    }

    public boolean isConsistent() {
        return inconsistencies.isEmpty();
    }
}
