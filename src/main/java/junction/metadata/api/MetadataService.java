package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.HashMap;
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
import junction.error.JsonPath;
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
    private final SourcePools pools;
    private final Optional<Source> defaultSource;
    private final Introspector introspector;
    private final MetadataResolver resolver = new MetadataResolver();
    private final Map<String, Command> commands = new HashMap<>();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder catalogReads = new LongAdder();

    /** One command's effect inside a request: the metadata and snapshot after it, and its answer. */
    record Step(Metadata metadata, Snapshot snapshot, JsonNode response, boolean wrote) {
    }

    /** @param introspector loads remote schemas (when added, updated, reloaded, or at start) */
    public MetadataService(MetadataStore store, SourcePools pools, Optional<Source> defaultSource,
                           Introspector introspector) {
        this.store = store;
        this.pools = pools;
        this.defaultSource = defaultSource;
        this.introspector = introspector;
        SourceCommands.register(commands);
        TableCommands.register(commands);
        RelationshipCommands.register(commands);
        RemoteSchemaCommands.register(commands);
        ManagementCommands.register(commands);
        RemoteRelationshipCommands.register(commands);
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

    public boolean hasCommand(String type) {
        return commands.containsKey(type);
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
        Optional<Long> expected = req.optLong("resource_version");
        return locked(() -> {
            Snapshot base = synced();
            checkVersion(expected, base);
            CatalogCache catalogs = catalogs();
            RemoteSchemaCache remotes = remotes(base);
            Function<Metadata, Snapshot> resolver = candidate -> resolve(base.resourceVersion(), candidate, catalogs, remotes);
            // the remote schemas as the snapshot knows them, whenever it is resolved: a command may
            // have loaded a remote again (reload_remote_schema) before it asks for the state it changes
            RemoteSchemaCache known = RemoteSchemaCache.fixed(base.remoteSchemas());
            Supplier<Snapshot> fresh = once(() -> resolve(base.resourceVersion(), base.metadata(), catalogs, known));
            CommandContext context = new CommandContext(base.metadata(), base, fresh, defaultSource, remotes, resolver);
            Step step = run(context, request, "$");
            if (!step.wrote()) {
                return step.response();
            }
            long version = store(step.metadata(), base.resourceVersion());
            swap(step.snapshot().withResourceVersion(version));
            return step.response();
        });
    }

    /** {@code supplier}'s value, computed on the first call only (one request: one thread, under the lock). */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
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
            throw ApiException.of(Code.UNEXPECTED, "could not read stored metadata: " + e.getMessage());
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
            throw ApiException.of(Code.UNEXPECTED, "could not store metadata: " + e.getMessage());
        }
    }

    Snapshot resolve(long version, Metadata metadata, CatalogCache catalogs, RemoteSchemaCache remotes) {
        return resolver.resolve(version, metadata, catalogs.forMetadata(metadata), remotes.forMetadata(metadata));
    }

    /** The catalogs of one request: each source's read at most once, and only when a change needs it. */
    CatalogCache catalogs() {
        return new CatalogCache(pools, catalogReads);
    }

    /** How many times a source's catalog was read (for tests and diagnostics). */
    public long catalogReads() {
        return catalogReads.sum();
    }

    /** The remote schemas of one request, reusing what {@code base} knows. */
    RemoteSchemaCache remotes(Snapshot base) {
        return new RemoteSchemaCache(introspector, base == null ? Map.of() : base.remoteSchemas());
    }

    Step run(CommandContext context, JsonNode request, String path) {
        Obj req = Obj.of(request, path);
        String type = req.string("type");
        if (type.equals("bulk") || type.equals("bulk_atomic") || type.equals("concurrent_bulk")) {
            return bulk(context, req, false);
        }
        if (type.equals("bulk_keep_going")) {
            return bulk(context, req, true);
        }
        Command command = commands.get(type);
        if (command == null) {
            throw UnknownCommand.error(type).at(path);
        }
        String argsPath = req.pathOf("args");
        JsonNode args = req.node().has("args") ? req.node().get("args") : Json.object();
        if (type.equals("export_metadata") && req.optLong("version").orElse(1L) == 2) {
            return new Step(context.metadata(), context.current(), ManagementCommands.exportV2(context), false);
        }
        try {
            return apply(context, command.apply(context, Obj.of(args, argsPath)));
        } catch (ApiException e) {
            throw e.path().equals("$") ? e.at(argsPath) : e;
        }
    }

    private Step apply(CommandContext context, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Read read -> new Step(context.metadata(), context.current(), read.response(), false);
            case Outcome.Write write -> {
                Snapshot next = context.resolve(write.metadata());
                write.check().verify(context.snapshot(), next, write.target());
                yield new Step(write.metadata(), next, write.response().apply(next), true);
            }
        };
    }

    /**
     * Runs the commands in order, each seeing the metadata the previous ones left, and stores the
     * result once: all or nothing. With {@code keepGoing} ({@code bulk_keep_going}) a failing
     * command is answered with its error in place and the others still apply.
     */
    private Step bulk(CommandContext context, Obj req, boolean keepGoing) {
        JsonNode items = req.required("args");
        if (!items.isArray()) {
            throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + Obj.kind(items)).at(req.pathOf("args"));
        }
        ArrayNode responses = Json.array();
        CommandContext at = context;
        boolean wrote = false;
        for (int i = 0; i < items.size(); i++) {
            Step step;
            try {
                step = run(at, items.get(i), JsonPath.index(req.pathOf("args"), i));
            } catch (ApiException e) {
                if (!keepGoing) {
                    throw e;
                }
                responses.add(errorJson(e));
                continue;
            }
            responses.add(step.response());
            if (step.wrote()) {
                wrote = true;
                at = at.next(step.metadata(), step.snapshot());
            }
        }
        return new Step(at.metadata(), at.current(), responses, wrote);
    }

    private static JsonNode errorJson(ApiException e) {
        ObjectNode node = Json.object();
        node.put("path", e.path());
        node.put("error", e.getMessage());
        node.put("code", e.code().text());
        return node;
    }

    SourcePools pools() {
        return pools;
    }

    void swap(Snapshot next) {
        current.set(next);
        pools.retain(next.metadata().sources().stream().map(Source::name).collect(Collectors.toSet()));
    }
}
