package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import junction.catalog.Catalog;
import junction.catalog.CatalogReader;
import junction.error.ApiException;
import junction.error.Code;
import junction.error.JsonPath;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/**
 * {@code POST /v2/query}: {@code run_sql} (and a {@code bulk} of them). The SQL runs in one
 * transaction; when it may change the schema (see {@link #DDL}), the catalog is read before and after it on
 * the same connection, renames and drops are carried into metadata ({@link DdlPropagation}), and
 * what the DDL broke is a {@code dependency-error} (or removed with {@code cascade}). The new
 * metadata is stored before the SQL commits, so that a conflict with another engine rolls the SQL
 * back too.
 */
public final class RunSql {
    /**
     * Hasura's test for SQL that may change what metadata refers to, used when the request does not
     * say {@code check_metadata_consistency}: other SQL cannot rename or drop tracked objects.
     */
    private static final Pattern DDL = Pattern.compile(
            "\\balter\\b|\\bdrop\\b|\\breplace\\b|\\bcreate function\\b|\\bcomment on\\b", Pattern.CASE_INSENSITIVE);

    private final MetadataService service;
    private final CatalogReader reader = new CatalogReader();

    public RunSql(MetadataService service) {
        this.service = service;
    }

    public JsonNode execute(JsonNode request) {
        return execute(request, "$");
    }

    private JsonNode execute(JsonNode request, String path) {
        Obj req = Obj.of(request, path);
        String type = req.string("type");
        switch (type) {
            case "run_sql", "pg_run_sql" -> {
                return runSql(Obj.of(req.required("args"), req.pathOf("args")));
            }
            case "bulk" -> {
                JsonNode items = req.required("args");
                if (!items.isArray()) {
                    throw ApiException.of(Code.PARSE_FAILED, "expected Array, but encountered " + Obj.kind(items))
                            .at(req.pathOf("args"));
                }
                ArrayNode out = Json.array();
                for (int i = 0; i < items.size(); i++) {
                    out.add(execute(items.get(i), JsonPath.index(req.pathOf("args"), i)));
                }
                return out;
            }
            default -> throw ApiException.of(Code.PARSE_FAILED, "unknown query type \"" + type
                    + "\"; expected run_sql or bulk").at(req.pathOf("type"));
        }
    }

    private JsonNode runSql(Obj args) {
        String sql = args.string("sql");
        boolean cascade = args.bool("cascade", false);
        boolean readOnly = args.bool("read_only", false);
        boolean check = !readOnly && (args.has("check_metadata_consistency")
                ? args.bool("check_metadata_consistency", true) : DDL.matcher(sql).find());
        return service.locked(() -> {
            Snapshot base = service.synced();
            Source source = Lookup.source(base.metadata(), args);
            try {
                return run(base, source, sql, cascade, readOnly, check);
            } catch (SQLException e) {
                throw SqlResults.error(e, sql);
            } catch (ApiException e) {
                throw e.path().equals("$") ? e.at(args.path()) : e;
            }
        });
    }

    private JsonNode run(Snapshot base, Source source, String sql, boolean cascade, boolean readOnly, boolean check)
            throws SQLException {
        try (Connection connection = service.pools().dataSource(source.name(), source.configuration()).getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            try {
                return transaction(connection, base, source, sql, cascade, check);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    private JsonNode transaction(Connection connection, Snapshot base, Source source, String sql, boolean cascade,
                                 boolean check) throws SQLException {
        Catalog before = check ? reader.read(connection) : null;
        JsonNode answer;
        try (Statement statement = connection.createStatement()) {
            answer = SqlResults.last(statement, statement.execute(sql));
        }
        Catalog after = check ? reader.read(connection) : null;
        if (!check || after.equals(before)) {
            connection.commit();
            return answer;
        }
        Snapshot next = propagate(base, source, before, after, cascade);
        long version = service.store(next.metadata(), base.resourceVersion());
        commitOrRestore(connection, base.metadata(), version);
        service.swap(next.withResourceVersion(version));
        return answer;
    }

    /** The metadata after the DDL, resolved; fails with what it would break unless {@code cascade}. */
    private Snapshot propagate(Snapshot base, Source source, Catalog before, Catalog after, boolean cascade) {
        RemoteSchemaCache remotes = RemoteSchemaCache.fixed(base.remoteSchemas());
        CatalogCache beforeCatalogs = service.catalogs();
        beforeCatalogs.put(source, before);
        Snapshot previous = service.resolve(base.resourceVersion(), base.metadata(), beforeCatalogs, remotes);
        CatalogCache afterCatalogs = service.catalogs();
        afterCatalogs.put(source, after);
        DdlPropagation.Result result = DdlPropagation.apply(source, CatalogChanges.between(before, after));
        Metadata metadata = base.metadata().updateSource(source.name(), s -> result.source());
        Snapshot next = service.resolve(base.resourceVersion(), metadata, afterCatalogs, remotes);
        Dependents dependents = Dependents.between(previous, next).plus(result.dependents());
        if (!dependents.isEmpty()) {
            if (!cascade) {
                throw dependents.error();
            }
            next = service.resolve(base.resourceVersion(), dependents.removeFrom(metadata), afterCatalogs, remotes);
        }
        List<Inconsistency> added = ConsistencyCheck.added(previous, next);
        if (!added.isEmpty()) {
            throw ApiException.of(Code.UNEXPECTED, "cannot continue due to newly found inconsistent metadata")
                    .withInternal(ManagementCommands.issues(added));
        }
        return next;
    }

    /** Commits the SQL; if that fails after the metadata was stored, stores the previous metadata again. */
    private void commitOrRestore(Connection connection, Metadata previous, long version) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            try {
                service.store(previous, version);
                service.reload();
            } catch (RuntimeException | SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
    }
}
