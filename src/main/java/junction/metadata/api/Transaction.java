package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Catalog;
import junction.error.ApiException;
import junction.db.SqlErrors;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to an admin API ({@code /v1/metadata}, {@code /v2/query}, {@code /v1/query}), from
 * its first command to its commit: the metadata as the commands so far left it, resolved, and one
 * database transaction per source that {@code run_sql} and the JSON DML queries write in (opened on
 * first use). Nothing is stored or committed until the whole request succeeded: {@link #commit}
 * stores the metadata (compare-and-set on the resource version), then commits the SQL, then swaps
 * the snapshot; {@link #close} rolls back whatever was not committed. So a {@code bulk} is all or
 * nothing, whatever its items are.
 */
final class Transaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final MetadataService service;
    private final Snapshot base;
    private final Optional<Source> defaultSource;
    private final RemoteSchemaCache remotes;
    private final CatalogCache catalogs;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private Metadata metadata;
    /** The current metadata, resolved; {@code fresh} when against the catalogs as they are now. */
    private Snapshot resolved;
    private boolean fresh;
    /** No SQL ran since {@code resolved} was: its tables are what the database has. */
    private boolean current = true;
    private boolean wrote;

    Transaction(MetadataService service, Snapshot base, Optional<Source> defaultSource) {
        this.service = service;
        this.base = base;
        this.defaultSource = defaultSource;
        this.remotes = service.remotes(base);
        this.catalogs = service.catalogs(source -> Optional.ofNullable(connections.get(source)));
        this.metadata = base.metadata();
        this.resolved = base;
    }

    /** The metadata as the commands so far left it. */
    Metadata metadata() {
        return metadata;
    }

    /**
     * The current metadata resolved against the catalogs as this transaction sees them now (read on
     * first use: a request of reads reads no catalog). Its remote schemas are as last resolved, not
     * as a command may since have loaded them again ({@code reload_remote_schema} compares the two).
     */
    Snapshot snapshot() {
        if (!fresh) {
            resolved = service.resolve(base.resourceVersion(), metadata, catalogs, RemoteSchemaCache.fixed(resolved.remoteSchemas()));
            fresh = true;
            current = true;
        }
        return resolved;
    }

    /** The current metadata, resolved again only if SQL ran since it last was (what DML queries read). */
    Snapshot tables() {
        return current ? resolved : snapshot();
    }

    /** The current metadata, resolved maybe before the last SQL ({@code run_sql}'s starting point). */
    Snapshot lastResolved() {
        return resolved;
    }

    /** What the next command sees: {@code current} is what is served, the fresh snapshot is resolved when asked for. */
    CommandContext context() {
        return new CommandContext(metadata, resolved, this::snapshot, defaultSource, remotes, this::resolve);
    }

    private Snapshot resolve(Metadata candidate) {
        return service.resolve(base.resourceVersion(), candidate, catalogs, remotes);
    }

    /** Applies a metadata command's outcome: checked, then the new current metadata. Answers it. */
    JsonNode apply(CommandContext context, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Read read -> read.response();
            case Outcome.Write write -> {
                Snapshot next = context.resolve(write.metadata());
                write.check().verify(context.snapshot(), next, write.target());
                changed(next);
                yield write.response().apply(next);
            }
        };
    }

    /** New current metadata, resolved against the catalogs as they are now. */
    void changed(Snapshot next) {
        metadata = next.metadata();
        resolved = next;
        fresh = true;
        current = true;
        wrote = true;
    }

    /** The transaction's connection to {@code source}, opened (read only if asked) on first use. */
    Connection connection(Source source, boolean readOnly) throws SQLException {
        Connection open = connections.get(source.name());
        if (open != null) {
            return open;
        }
        Connection connection = service.pools().dataSource(source.name(), source.configuration()).getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connections.put(source.name(), connection);
        return connection;
    }

    /** SQL ran on {@code source}: its catalog may have changed, so it is read again when needed. */
    void sqlRan(Source source) {
        catalogs.forget(source);
        fresh = false;
        current = false;
    }

    /** SQL changed {@code source}'s catalog to {@code after}; {@code next} is the metadata that follows. */
    void catalogChanged(Source source, Catalog after, Snapshot next) {
        catalogs.forget(source);
        catalogs.put(source, after);
        changed(next);
    }

    /**
     * Stores the metadata if a command changed it, commits the SQL, and swaps the snapshot. If the
     * commit fails after the metadata was stored, the previous metadata is stored again.
     */
    void commit() {
        if (!wrote) {
            commitSql(); // reads swap nothing: the served schemas and plans stay
            return;
        }
        Snapshot last = snapshot();
        long version = service.store(metadata, base.resourceVersion());
        try {
            commitSql();
        } catch (RuntimeException e) {
            try {
                service.store(base.metadata(), version);
                service.reload();
            } catch (RuntimeException | SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        service.swap(last.withResourceVersion(version));
    }

    private void commitSql() {
        for (Connection connection : connections.values()) {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw SqlErrors.runSql(e, "COMMIT");
            }
        }
    }

    /** Rolls back what was not committed and gives the connections back. */
    @Override
    public void close() {
        for (Connection connection : connections.values()) {
            try (connection) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("could not roll back an admin API transaction", e);
            }
        }
        connections.clear();
    }

    /** An error of this request's item at {@code path} when the command gave none more precise. */
    static ApiException at(ApiException e, String path) {
        return e.path().equals("$") ? e.at(path) : e;
    }
}
