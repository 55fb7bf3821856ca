package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The user's configuration: Hasura's version 3 metadata document as an immutable value. Parts
 * Junction does not interpret yet (actions, allowlist, …) are kept verbatim in {@code other} so that
 * a document round-trips through {@code replace_metadata} and {@code export_metadata} unchanged.
 */
public record Metadata(List<Source> sources, List<RemoteSchema> remoteSchemas, Map<String, JsonNode> other) {
    private static final String INHERITED_ROLES = "inherited_roles";
    public static final Metadata EMPTY = new Metadata(List.of(), List.of(), Map.of());

    public Metadata {
        sources = List.copyOf(sources);
        remoteSchemas = List.copyOf(remoteSchemas);
        other = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    public Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<RemoteSchema> remoteSchema(String name) {
        return remoteSchemas.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Metadata withSources(List<Source> newSources) {
        return new Metadata(newSources, remoteSchemas, other);
    }

    public Metadata withRemoteSchemas(List<RemoteSchema> newRemoteSchemas) {
        return new Metadata(sources, newRemoteSchemas, other);
    }

    /** The {@code inherited_roles} of the document (kept in {@link #other} as written). */
    public List<InheritedRole> inheritedRoles() {
        return InheritedRole.readAll(other.get(INHERITED_ROLES), "$." + INHERITED_ROLES);
    }

    public Optional<InheritedRole> inheritedRole(String name) {
        return inheritedRoles().stream().filter(r -> r.roleName().equals(name)).findFirst();
    }

    public Metadata withInheritedRoles(List<InheritedRole> roles) {
        Map<String, JsonNode> newOther = new LinkedHashMap<>(other);
        if (roles.isEmpty()) {
            newOther.remove(INHERITED_ROLES);
        } else {
            var list = junction.json.Json.NODES.arrayNode();
            roles.forEach(r -> list.add(r.toJson()));
            newOther.put(INHERITED_ROLES, list);
        }
        return new Metadata(sources, remoteSchemas, newOther);
    }

    /** Replaces the named source by {@code change(source)}; the source must exist. */
    public Metadata updateSource(String name, UnaryOperator<Source> change) {
        List<Source> out = new ArrayList<>(sources.size());
        for (Source s : sources) {
            out.add(s.name().equals(name) ? change.apply(s) : s);
        }
        return withSources(out);
    }
}
