package junction.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import junction.metadata.resolve.Snapshot;

/**
 * Role schemas of the current snapshot, each built once. A new snapshot (any metadata change or
 * reload) starts a new generation; anything keyed by a generation (plans) goes with it.
 */
public final class SchemaCache {
    /** The schemas built from one snapshot, and a place for caches that live exactly as long. */
    public record Generation(Snapshot snapshot, Map<String, RoleSchema> roles, Map<Object, Object> attachments) {
    }

    private final SchemaBuilder builder = new SchemaBuilder();
    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** The generation of {@code snapshot}, created when the snapshot changed. */
    public Generation generation(Snapshot snapshot) {
        Generation g = current.get();
        if (g != null && g.snapshot() == snapshot) {
            return g;
        }
        Generation fresh = new Generation(snapshot, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        return current.compareAndSet(g, fresh) ? fresh : generation(snapshot);
    }

    public RoleSchema schema(Snapshot snapshot, String role) {
        return generation(snapshot).roles().computeIfAbsent(role, r -> builder.build(snapshot, r));
    }
}
