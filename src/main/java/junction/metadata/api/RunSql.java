package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import junction.catalog.Catalog;
import junction.catalog.CatalogReader;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.db.SqlErrors;
import junction.json.Obj;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;
import junction.metadata.resolve.SourceSnapshot;
import junction.metadata.resolve.TrackedTable;

/**
 * {@code POST /v2/query}: {@code run_sql} (and a {@code bulk} of them, all in one transaction: see
 * {@link Transaction}); {@code /v1/query} runs its {@code run_sql} items here too. When the SQL may
 * change the schema (see {@link #DDL}), the catalog is read before and after it on the same
 * connection, renames and drops are carried into metadata ({@link DdlPropagation}): a dropped table
 * goes with everything on it, what else the DDL broke is a {@code dependency-error} (or removed with
 * {@code cascade}), and type changes of columns metadata depends on are refused
 * ({@link ColumnTypeCheck}). The new metadata is stored before the SQL commits, so that a conflict
 * with another engine rolls the SQL back too.
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
        return service.transact(Optional.empty(), transaction -> run(transaction, Obj.of(request, "$")));
    }

    private JsonNode run(Transaction transaction, Obj req) {
        String type = req.string("type");
        return switch (type) {
            case "run_sql", "pg_run_sql" ->
                    runSql(transaction, Obj.of(req.required("args"), req.pathOf("args")), req.path());
            case "bulk" -> Bulk.run(transaction, req, false, this::run);
            default -> throw ApiException.of(Code.PARSE_FAILED, "unknown query type \"" + type
                    + "\"; expected run_sql or bulk").at(req.pathOf("type"));
        };
    }

    /**
     * One {@code run_sql}, in the request's transaction (committed with the rest of the request). The
     * database's error is reported at {@code errorPath}: the item on {@code /v2/query} (as Hasura), its
     * args on {@code /v1/query}.
     */
    JsonNode runSql(Transaction transaction, Obj args, String errorPath) {
        String sql = args.string("sql");
        boolean cascade = args.bool("cascade", false);
        boolean readOnly = args.bool("read_only", false);
        boolean check = !readOnly && (args.has("check_metadata_consistency")
                ? args.bool("check_metadata_consistency", true) : DDL.matcher(sql).find());
        Source source = Lookup.source(transaction.metadata(), args);
        try {
            return run(transaction, transaction.connection(source, readOnly), source, sql, cascade, check);
        } catch (SQLException e) {
            throw SqlErrors.runSql(e, sql).at(errorPath);
        } catch (ApiException e) {
            throw Transaction.at(e, args.path());
        }
    }

    private JsonNode run(Transaction transaction, Connection connection, Source source, String sql, boolean cascade,
                         boolean check) throws SQLException {
        List<TableName> enums = CatalogCache.enumTables(source);
        Catalog before = check ? reader.read(connection, enums) : null;
        JsonNode answer;
        try (Statement statement = connection.createStatement()) {
            answer = SqlResults.last(statement, statement.execute(sql));
        }
        if (!check) {
            transaction.sqlRan(source);
            return answer;
        }
        Catalog after = reader.read(connection, enums);
        if (!after.equals(before)) {
            transaction.catalogChanged(source, after, propagate(transaction.lastResolved(), source, connection, before, after,
                    cascade));
        }
        return answer;
    }

    /**
     * The metadata after the DDL, resolved. Dropped tables go with everything on them; what else
     * used something dropped fails the call unless {@code cascade}, which removes it too; a type
     * change of a column metadata depends on for its type fails it in any case.
     */
    private Snapshot propagate(Snapshot base, Source source, Connection connection, Catalog before, Catalog after,
                               boolean cascade) {
        RemoteSchemaCache remotes = RemoteSchemaCache.fixed(base.remoteSchemas());
        CatalogCache beforeCatalogs = service.catalogs();
        beforeCatalogs.put(source, before);
        Snapshot previous = service.resolve(base.resourceVersion(), base.metadata(), beforeCatalogs, remotes);
        Map<TableName, TrackedTable> tracked = previous.source(source.name()).map(SourceSnapshot::tables).orElse(Map.of());
        PermissionColumns permissionColumns = new PermissionColumns(before, tracked);
        // The transaction's connection reads the rows of an enum table renamed by the DDL under its new name.
        CatalogCache afterCatalogs = service.catalogs(name -> name.equals(source.name()) ? Optional.of(connection)
                : Optional.empty());
        afterCatalogs.put(source, after);
        CatalogChanges changes = CatalogChanges.between(before, after);
        DdlPropagation.Result result = DdlPropagation.apply(source, changes, permissionColumns);
        Metadata metadata = base.metadata().updateSource(source.name(),
                s -> FunctionDdl.apply(result.source(), before, after));
        Snapshot next = service.resolve(base.resourceVersion(), metadata, afterCatalogs, remotes);
        Dependents dependents = Dependents.between(previous, next).plus(result.dependents());
        if (!dependents.isEmpty() && !cascade) {
            throw dependents.error();
        }
        new ColumnTypeCheck(source.name(), tracked.values(), permissionColumns).verify(changes);
        if (!dependents.isEmpty()) {
            next = service.resolve(base.resourceVersion(), dependents.removeFrom(metadata), afterCatalogs, remotes);
        }
        List<Inconsistency> added = ConsistencyCheck.added(previous, next);
        if (!added.isEmpty()) {
            throw ApiException.of(Code.UNEXPECTED, "cannot continue due to newly found inconsistent metadata")
                    .withInternal(ManagementCommands.issues(added));
        }
        return next;
    }
}
