package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.model.Metadata;
import junction.metadata.model.RemoteSchema;
import junction.remote.Introspector;
import junction.remote.RemoteSchemaState;

/**
 * The remote schemas one metadata request (or reload) sees. A remote schema whose definition is
 * unchanged keeps what the current snapshot already knows of it — loaded or failed — so ordinary
 * metadata commands never call the remotes. Only a new or changed definition, or an explicit
 * {@link #load} (add, update, reload), introspects; several at once run concurrently.
 */
public final class RemoteSchemaCache {
    private final Introspector introspector;
    private final Map<String, RemoteSchemaState> known;
    private final Map<String, RemoteSchemaState> loaded = new LinkedHashMap<>();

    RemoteSchemaCache(Introspector introspector, Map<String, RemoteSchemaState> known) {
        this.introspector = introspector;
        this.known = Map.copyOf(known);
    }

    /** A cache that only knows {@code known} and cannot introspect (for callers without remote access). */
    static RemoteSchemaCache fixed(Map<String, RemoteSchemaState> known) {
        return new RemoteSchemaCache(null, known);
    }

    /** Introspects {@code name} with {@code definition} now, whatever is known; later lookups reuse the result. */
    public synchronized RemoteSchemaState load(String name, JsonNode definition) {
        RemoteSchemaState state = introspect(name, definition);
        loaded.put(name, state);
        return state;
    }

    /** A state for every remote schema of {@code metadata}, introspecting those not known with their definition. */
    synchronized Map<String, RemoteSchemaState> forMetadata(Metadata metadata) {
        Map<String, RemoteSchemaState> out = new LinkedHashMap<>();
        List<RemoteSchema> missing = new ArrayList<>();
        for (RemoteSchema remote : metadata.remoteSchemas()) {
            RemoteSchemaState state = lookup(remote);
            if (state == null) {
                missing.add(remote);
            } else {
                out.put(remote.name(), state);
            }
        }
        for (RemoteSchemaState state : introspectAll(missing)) {
            loaded.put(state.name(), state);
            out.put(state.name(), state);
        }
        return out;
    }

    private RemoteSchemaState lookup(RemoteSchema remote) {
        RemoteSchemaState state = loaded.get(remote.name());
        if (state != null && state.loadedFrom(remote.definition())) {
            return state;
        }
        state = known.get(remote.name());
        return state != null && state.loadedFrom(remote.definition()) ? state : null;
    }

    private List<RemoteSchemaState> introspectAll(List<RemoteSchema> remotes) {
        if (remotes.size() <= 1) {
            return remotes.stream().map(r -> introspect(r.name(), r.definition())).toList();
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RemoteSchemaState>> futures = remotes.stream()
                    .map(r -> pool.submit(() -> introspect(r.name(), r.definition()))).toList();
            List<RemoteSchemaState> out = new ArrayList<>();
            for (Future<RemoteSchemaState> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "interrupted while introspecting remote schemas");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private RemoteSchemaState introspect(String name, JsonNode definition) {
        if (introspector == null) {
            return new RemoteSchemaState(name, definition, new RemoteSchemaState.Failed(ApiException.of(
                    Code.REMOTE_SCHEMA_ERROR, "remote schema \"" + name + "\" has not been loaded")));
        }
        return introspector.introspect(name, definition);
    }
}
