package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;
import junction.remote.Introspector;
import junction.remote.RemoteRetry;
import junction.remote.RemoteSchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back remote schemas that could not be loaded (down at start, or at a reload) without a
 * manual {@code reload_remote_schema}. It watches every snapshot the service serves: for each remote
 * schema that failed, one virtual thread retries it with backoff ({@link RemoteRetry}), introspecting
 * outside the metadata lock; a retry that succeeds hands the loaded state to the service, which swaps
 * it in only if the served snapshot still has that remote failed with the same definition. Stored
 * metadata and the resource version never change: each replica heals on its own. A remote that is
 * removed, changed, or loaded by other means stops its retries. Each change of a remote schema's
 * state (new, ready, inconsistent, removed) is logged in one line.
 */
final class RemoteSchemaHealer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSchemaHealer.class);

    private final RemoteRetry retry;
    private final Introspector introspector;
    private final Predicate<RemoteSchemaState> heal;
    /** The retries running, by remote schema name. Guarded by {@code this}. */
    private final Map<String, Retrying> retrying = new HashMap<>();
    /** Each remote schema's state in the last snapshot seen ("ready" or "inconsistent"). Guarded by {@code this}. */
    private final Map<String, String> seen = new HashMap<>();
    private boolean closed;

    /** @param heal swaps a loaded state in if the served snapshot still wants it; whether it did */
    RemoteSchemaHealer(RemoteRetry retry, Introspector introspector, Predicate<RemoteSchemaState> heal) {
        this.retry = retry;
        this.introspector = introspector;
        this.heal = heal;
    }

    /** The service now serves {@code snapshot}: logs what changed, stops and starts retries to match. */
    synchronized void watch(Snapshot snapshot) {
        if (closed) {
            return;
        }
        Map<String, RemoteSchemaState> remotes = snapshot.remoteSchemas();
        for (Iterator<Map.Entry<String, String>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> entry = it.next();
            if (!remotes.containsKey(entry.getKey())) {
                LOG.info("remote schema \"{}\": {} -> removed", entry.getKey(), entry.getValue());
                it.remove();
            }
        }
        remotes.forEach((name, state) -> {
            Optional<Inconsistency> issue = snapshot.inconsistencies().stream()
                    .filter(i -> i.at().isRemoteSchema(name)).findFirst();
            String now = issue.isPresent() ? "inconsistent" : "ready";
            String before = seen.put(name, now);
            if (!now.equals(before)) {
                log(name, before == null ? "new" : before, issue, state);
            }
        });
        for (Iterator<Retrying> it = retrying.values().iterator(); it.hasNext(); ) {
            Retrying running = it.next();
            RemoteSchemaState state = remotes.get(running.name);
            if (state == null || !state.loadedFrom(running.definition) || state.failure().isEmpty()) {
                running.stop();
                it.remove();
            }
        }
        if (!retry.enabled()) {
            return;
        }
        remotes.forEach((name, state) -> {
            if (state.failure().isPresent() && !retrying.containsKey(name)) {
                Retrying started = new Retrying(name, state.definition());
                retrying.put(name, started);
                Thread.ofVirtual().name("remote-schema-retry-" + name).start(started::run);
            }
        });
    }

    private void log(String name, String before, Optional<Inconsistency> issue, RemoteSchemaState state) {
        if (issue.isPresent()) {
            LOG.warn("remote schema \"{}\": {} -> inconsistent: {}{}", name, before, issue.get().reason(),
                    state.failure().isPresent() && retry.enabled() ? " (retrying in the background)" : "");
            return;
        }
        Retrying running = retrying.get(name);
        String reason = running != null && running.thread == Thread.currentThread()
                ? "loaded by background retry " + running.attempts : "loaded";
        LOG.info("remote schema \"{}\": {} -> ready: {}", name, before, reason);
    }

    private synchronized void finished(Retrying done) {
        retrying.remove(done.name, done);
    }

    /** Stops every retry; later snapshots start none. */
    @Override
    public synchronized void close() {
        closed = true;
        retrying.values().forEach(Retrying::stop);
        retrying.clear();
    }

    /** The retries of one remote schema with one definition, until it loads or is stopped. */
    private final class Retrying {
        final String name;
        final JsonNode definition;
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile Thread thread;
        volatile int attempts;

        Retrying(String name, JsonNode definition) {
            this.name = name;
            this.definition = definition;
        }

        void stop() {
            stopped.countDown();
        }

        void run() {
            thread = Thread.currentThread();
            for (int attempt = 0; ; attempt++) {
                if (waitOrStop(retry.delay(attempt, ThreadLocalRandom.current()))) {
                    return;
                }
                attempts = attempt + 1;
                RemoteSchemaState state = introspector.introspect(name, definition);
                if (stopped.getCount() == 0) {
                    return;
                }
                if (state.ready().isPresent()) {
                    heal.test(state); // swapped in (watch logs it and ends this retry), or no longer wanted
                    finished(this);
                    return;
                }
                LOG.debug("remote schema \"{}\": background retry {} failed: {}", name, attempts,
                        state.failure().map(Throwable::getMessage).orElse(""));
            }
        }

        /** Waits {@code delay}; whether the retry was stopped meanwhile. */
        private boolean waitOrStop(Duration delay) {
            try {
                return stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return true;
            }
        }
    }
}
