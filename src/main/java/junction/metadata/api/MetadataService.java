package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import junction.db.SourcePools;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.MetadataReader;
import junction.metadata.codec.MetadataWriter;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.MetadataResolver;
import junction.metadata.resolve.Snapshot;
import junction.metadata.store.MetadataStore;
import junction.metadata.store.StoredMetadata;
import junction.remote.Introspector;
import junction.remote.RemoteRetry;
import junction.remote.RemoteSchemaState;

/**
 * Owns the current {@link Snapshot}. Every change — a metadata API command, a {@code bulk} of them,
 * a {@code run_sql} that alters tracked tables — computes new metadata, resolves it against fresh
 * catalogs, refuses it if it breaks what it may not break ({@link ConsistencyCheck}), stores it with a
 * compare-and-set on the resource version, and only then swaps the snapshot. A failure anywhere
 * leaves stored metadata and the snapshot exactly as they were. A read ({@code export_metadata},
 * {@code get_inconsistent_metadata}, …) answers from the current snapshot: it reads no catalog and
 * swaps nothing, so it throws away no schema or plan (as in Hasura, a change made to a database
 * behind the engine's back shows after {@code reload_metadata} or the next change). Before any
 * call, the snapshot is brought up to date with what another engine may have stored.
 */
public final class MetadataService {
    private final MetadataStore store;
    private volatile java.util.function.BiConsumer<Snapshot, Snapshot> listener = (previous, next) -> { };
    private final SourcePools pools;
    private final Optional<Source> defaultSource;
    private final Introspector introspector;
    private final MetadataResolver resolver;
    private final Map<String, Command> commands = new HashMap<>();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder catalogReads = new LongAdder();
    private final RemoteSchemaHealer healer;
    private final CatalogStateCommands catalogState;

    /**
     * @param introspector loads remote schemas (when added, updated, reloaded, or at start)
     * @param retry        how remote schemas that could not be loaded are retried in the background
     * @param remoteSchemaPermissions whether remote schema permissions may be added
     * @param naming       the server's naming convention settings, for the sources' names
     */
    public MetadataService(MetadataStore store, SourcePools pools, Optional<Source> defaultSource,
                           Introspector introspector, RemoteRetry retry, boolean remoteSchemaPermissions,
                           junction.metadata.resolve.Naming.Defaults naming) {
        this.store = store;
        this.resolver = new MetadataResolver(naming);
        this.pools = pools;
        this.defaultSource = defaultSource;
        this.introspector = introspector;
        this.healer = new RemoteSchemaHealer(retry, introspector, this::heal);
        this.catalogState = new CatalogStateCommands(store.catalogState());
        SourceCommands.register(commands);
        TableCommands.register(commands);
        FunctionCommands.register(commands);
        RelationshipCommands.register(commands);
        ComputedFieldCommands.register(commands);
        RemoteSchemaCommands.register(commands);
        ManagementCommands.register(commands);
        RemoteRelationshipCommands.register(commands);
        RemoteSchemaRelationshipCommands.register(commands);
        PermissionCommands.register(commands);
        InheritedRoleCommands.register(commands);
        SuggestRelationships.register(commands);
        RemoteSchemaPermissionCommands.register(commands, remoteSchemaPermissions);
    }

    /** Creates the catalog schema if needed, stores initial metadata on first start, loads the snapshot. */
    public void start() throws SQLException {
        store.initialize();
        if (store.load().isEmpty()) {
            Metadata initial = new Metadata(defaultSource.map(List::of).orElse(List.of()), List.of(), Map.of());
            try {
                store.save(MetadataWriter.metadata(initial), 0);
            } catch (ApiException raced) {
                // another replica stored the initial metadata first: load theirs
            }
        }
        reload();
    }

    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * Re-reads stored metadata and every source's catalog. Remote schemas are introspected when the
     * snapshot does not know them with their current definition (at start: all of them).
     */
    public void reload() throws SQLException {
        lock.lock();
        try {
            StoredMetadata stored = store.load().orElseThrow();
            Metadata metadata = MetadataReader.metadata(stored.document(), "$");
            swap(resolve(stored.resourceVersion(), metadata, catalogs(), remotes(current.get())));
        } finally {
            lock.unlock();
        }
    }

    /** Reloads when another engine changed the stored metadata. Called by the poller. */
    public boolean syncIfChanged() throws SQLException {
        lock.lock();
        try {
            if (store.version() == current.get().resourceVersion()) {
                return false;
            }
            reload();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs one {@code /v1/metadata} request (possibly a {@code bulk}) and answers it. */
    public JsonNode execute(JsonNode request) {
        Obj req = Obj.of(request, "$");
        return transact(req.optLong("resource_version"), transaction -> run(transaction, req));
    }

    /**
     * Runs {@code work} as one {@link Transaction} holding the write lock, on the current snapshot
     * (first brought up to date with what another engine stored): all of it is stored and
     * committed, or nothing is.
     */
    JsonNode transact(Optional<Long> expectedVersion, Function<Transaction, JsonNode> work) {
        return locked(() -> {
            Snapshot base = synced();
            checkVersion(expectedVersion, base);
            try (Transaction transaction = new Transaction(this, base, defaultSource)) {
                JsonNode response = work.apply(transaction);
                transaction.commit();
                return response;
            }
        });
    }

    /** Runs {@code work} holding the write lock, so changes from this engine never interleave. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The current snapshot, first reloaded if another engine stored a newer version. Hold the lock. */
    Snapshot synced() {
        try {
            syncIfChanged();
        } catch (SQLException e) {
            throw ApiException.unexpected("reading the stored metadata", e);
        }
        return current.get();
    }

    void checkVersion(Optional<Long> expected, Snapshot base) {
        if (expected.isPresent() && expected.get() != base.resourceVersion()) {
            throw ApiException.of(Code.CONFLICT, "metadata resource version referenced (" + expected.get()
                    + ") did not match current version");
        }
    }

    /** Stores {@code metadata} over {@code expectedVersion}; returns the new version or fails with {@code conflict}. */
    long store(Metadata metadata, long expectedVersion) {
        try {
            return store.save(MetadataWriter.metadata(metadata), expectedVersion);
        } catch (SQLException e) {
            throw ApiException.unexpected("storing the metadata", e);
        }
    }

    Snapshot resolve(long version, Metadata metadata, CatalogCache catalogs, RemoteSchemaCache remotes) {
        return resolver.resolve(version, metadata, catalogs.forMetadata(metadata), remotes.forMetadata(metadata));
    }

    /** The catalogs of one request: each source's read at most once, and only when a change needs it. */
    CatalogCache catalogs() {
        return catalogs(source -> Optional.empty());
    }

    /** The catalogs of one request whose open transaction reads them on its own connections. */
    CatalogCache catalogs(Function<String, Optional<Connection>> transaction) {
        return new CatalogCache(pools, catalogReads, transaction);
    }

    /** How many times a source's catalog was read (for tests and diagnostics). */
    public long catalogReads() {
        return catalogReads.sum();
    }

    /** The remote schemas of one request, reusing what {@code base} knows. */
    RemoteSchemaCache remotes(Snapshot base) {
        return new RemoteSchemaCache(introspector, base == null ? Map.of() : base.remoteSchemas());
    }

    private JsonNode run(Transaction transaction, Obj req) {
        String type = req.string("type");
        return switch (type) {
            case "bulk", "bulk_atomic", "concurrent_bulk" -> Bulk.run(transaction, req, false, this::run);
            case "bulk_keep_going" -> Bulk.run(transaction, req, true, this::run);
            case "get_catalog_state", "set_catalog_state" -> catalogState.run(type, req);
            default -> command(transaction, type, req);
        };
    }

    /** Runs the metadata command {@code type} (its {@code /v1/metadata} name) with the args of {@code req}. */
    JsonNode command(Transaction transaction, String type, Obj req) {
        Command command = commands.get(type);
        if (command == null) {
            throw UnknownCommand.error(type).at(req.path());
        }
        String argsPath = req.pathOf("args");
        JsonNode args = req.node().has("args") ? req.node().get("args") : Json.object();
        CommandContext context = transaction.context();
        if (type.equals("export_metadata") && req.optLong("version").orElse(1L) == 2) {
            return ManagementCommands.exportV2(context);
        }
        try {
            return transaction.apply(context, command.apply(context, Obj.of(args, argsPath)));
        } catch (ApiException e) {
            throw Transaction.at(e, argsPath);
        }
    }

    SourcePools pools() {
        return pools;
    }

    /**
     * {@code listener} is told of every new snapshot (the previous one, null at start; the new one):
     * a change stored here or by another engine, a reload.
     */
    public void onSwap(java.util.function.BiConsumer<Snapshot, Snapshot> listener) {
        this.listener = listener;
    }

    void swap(Snapshot next) {
        Snapshot previous = current.getAndSet(next);
        listener.accept(previous, next);
        pools.retain(next.metadata().sources().stream().map(Source::name).collect(Collectors.toSet()));
        healer.watch(next);
    }

    /**
     * Serves {@code loaded}, a remote schema a background retry loaded, if the served snapshot still
     * has that remote schema failed with the same definition: the same metadata at the same resource
     * version, resolved again against the same catalogs (no database is read, nothing is stored).
     * Holds the lock only for that resolution. Whether it swapped.
     */
    boolean heal(RemoteSchemaState loaded) {
        return locked(() -> {
            Snapshot now = current.get();
            RemoteSchemaState known = now.remoteSchemas().get(loaded.name());
            if (known == null || !known.loadedFrom(loaded.definition()) || known.failure().isEmpty()) {
                return false;
            }
            Map<String, RemoteSchemaState> remotes = new LinkedHashMap<>(now.remoteSchemas());
            remotes.put(loaded.name(), loaded);
            swap(resolver.resolve(now.resourceVersion(), now.metadata(), now.catalogs(), remotes));
            return true;
        });
    }

    /** Stops the background retries of remote schemas. */
    public void close() {
        healer.close();
    }
}
