package junction.schema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import junction.metadata.resolve.Snapshot;

/**
 * Role schemas, each built on the role's first request and kept for as long as what it is built
 * from ({@link SchemaInputs}) stays the same. A new snapshot whose inputs equal the last one's —
 * a stored change that does not touch the schema, a reload that found nothing new — keeps every
 * schema, and with them every cached plan (plans are tied to the schema they were validated
 * against). The inputs of a snapshot are worked out once, when it is first seen.
 */
public final class SchemaCache {
    /** Roles whose schema is kept; a role beyond that is built again when it comes back. */
    private static final int MAX_ROLES = 1_000;

    /** One snapshot, and a place for what lives exactly as long as it (the pools of its sources). */
    public record Generation(Snapshot snapshot, Map<Object, Object> attachments) {
    }

    /** A snapshot and the inputs of each role over it, worked out on the role's first request. */
    private record Keys(Snapshot snapshot, Map<String, SchemaInputs> byRole) {
    }

    private record Built(SchemaInputs inputs, RoleSchema schema) {
    }

    /** A role, in the frontend or the backend scenario (its backend_only mutation permissions apply). */
    private record Key(String role, boolean backendOnly, boolean relay) {
    }

    private final SchemaBuilder builder;
    private final boolean remoteSchemaPermissions;
    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final AtomicReference<Keys> keys = new AtomicReference<>();
    private final Cache<Key, Built> roles = Caffeine.newBuilder().maximumSize(MAX_ROLES).recordStats().build();
    private final LongAdder builds = new LongAdder();

    /** A cache for an engine without remote schema permissions. */
    public SchemaCache() {
        this(false);
    }

    /** @param remoteSchemaPermissions whether remote schema permissions are enforced ({@link SchemaBuilder}) */
    public SchemaCache(boolean remoteSchemaPermissions) {
        this(remoteSchemaPermissions, true);
    }

    /** @param inferFunctionPermissions whether query functions follow their return table's select permission */
    public SchemaCache(boolean remoteSchemaPermissions, boolean inferFunctionPermissions) {
        this.remoteSchemaPermissions = remoteSchemaPermissions;
        this.builder = new SchemaBuilder(remoteSchemaPermissions, inferFunctionPermissions);
    }

    /** The generation of {@code snapshot}, created when the snapshot changed. */
    public Generation generation(Snapshot snapshot) {
        Generation g = current.get();
        if (g != null && g.snapshot() == snapshot) {
            return g;
        }
        Generation fresh = new Generation(snapshot, new ConcurrentHashMap<>());
        return current.compareAndSet(g, fresh) ? fresh : generation(snapshot);
    }

    /** The schema of {@code role} over {@code snapshot}: the one built before if its inputs are unchanged. */
    public RoleSchema schema(Snapshot snapshot, String role) {
        return schema(snapshot, role, false);
    }

    /**
     * The schema of {@code role} over {@code snapshot}, with its backend_only mutation permissions when
     * {@code backendOnly} (Hasura's backend scenario): the one built before if its inputs are unchanged.
     */
    public RoleSchema schema(Snapshot snapshot, String role, boolean backendOnly) {
        return schema(snapshot, role, backendOnly, false);
    }

    /** The role's Relay schema ({@code /v1beta1/relay}), or with {@code relay} false its {@code /v1/graphql} schema. */
    public RoleSchema schema(Snapshot snapshot, String role, boolean backendOnly, boolean relay) {
        SchemaInputs inputs = inputs(snapshot, role);
        Key key = new Key(role, backendOnly, relay);
        Built built = roles.getIfPresent(key);
        if (built != null && built.inputs() == inputs) {
            return built.schema();
        }
        return roles.asMap().compute(key, (k, old) -> {
            if (old != null && old.inputs().equals(inputs)) {
                return new Built(inputs, old.schema());
            }
            builds.increment();
            return new Built(inputs, builder.build(snapshot, k.role(), k.backendOnly(), k.relay()));
        }).schema();
    }

    /** The role schemas by role and scenario, for its metrics (hits, misses, evictions). */
    public Cache<?, ?> roles() {
        return roles;
    }

    /** How many role schemas were built so far (for tests and diagnostics). */
    public long builds() {
        return builds.sum();
    }

    /** The inputs of {@code role} over {@code snapshot}: the same value for every request of the role on that snapshot. */
    private SchemaInputs inputs(Snapshot snapshot, String role) {
        Keys last = keys.get();
        if (last == null || last.snapshot() != snapshot) {
            Keys fresh = new Keys(snapshot, new ConcurrentHashMap<>());
            last = keys.compareAndSet(last, fresh) ? fresh : keys.get();
            if (last.snapshot() != snapshot) {
                return SchemaInputs.of(snapshot, role, remoteSchemaPermissions);
            }
        }
        return last.byRole().computeIfAbsent(role, r -> SchemaInputs.of(snapshot, r, remoteSchemaPermissions));
    }
}
